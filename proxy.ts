import { NextResponse, type NextRequest } from 'next/server'

import { redirectFor } from './lib/redirectMap'

/** A renamed article's old address answers 301 Moved Permanently to its current one. */
export async function proxy(request: NextRequest) {
  const slug = decodeURIComponent(request.nextUrl.pathname.slice('/articles/'.length))
  const target = await redirectFor(slug)
  if (!target) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = `/articles/${target}`
  return NextResponse.redirect(url, 301)
}

export const config = { matcher: '/articles/:slug' }
