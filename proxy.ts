import { NextResponse, type NextRequest } from 'next/server'

import { redirectFor } from './lib/redirectMap'

const text = (body: string, status: number) =>
  new NextResponse(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } })

/**
 * A form post (server action) to an article page from another site's page: Next refuses it by
 * throwing, which answered 500; this answers 403 first. Same test as Next's: the Origin's host
 * against the host the request was sent to.
 */
function crossOrigin(request: NextRequest): boolean {
  if (request.method !== 'POST') return false
  const origin = request.headers.get('origin')
  if (!origin || origin === 'null') return origin === 'null'
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/** A renamed article's old address answers 301 Moved Permanently to its current one. */
export async function proxy(request: NextRequest) {
  if (crossOrigin(request)) return text('Cross-site form posts are not accepted.', 403)
  const rest = request.nextUrl.pathname.slice('/articles/'.length)
  if (rest.includes('/')) return NextResponse.next()
  let slug: string
  try {
    slug = decodeURIComponent(rest)
  } catch {
    // `/articles/%`: not an address at all.
    return text('Bad address: malformed percent-encoding.', 400)
  }
  const target = await redirectFor(slug)
  if (!target) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = `/articles/${target}`
  return NextResponse.redirect(url, 301)
}

export const config = { matcher: ['/articles/:slug', '/articles/:slug/:path+'] }
