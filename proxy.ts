import { NextResponse, type NextRequest } from 'next/server'

import { redirectFor } from './lib/redirectMap'

/**
 * Two permanent redirects, before next.config.mjs rewrites the address:
 * - page 1 of a list (`/?page=1`, `/page/1`, `/categories/x?page=1`, `/categories/x/page/1`)
 *   answers 301 to the list's own address, so each list has one URL;
 * - a renamed article's old address answers 301 to its current one.
 */
export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl
  const list = firstPageOf(pathname, searchParams)
  if (list) {
    const url = request.nextUrl.clone()
    url.pathname = list
    url.searchParams.delete('page')
    return NextResponse.redirect(url, 301)
  }
  if (!pathname.startsWith('/articles/')) return NextResponse.next()
  const target = await redirectFor(decodeURIComponent(pathname.slice('/articles/'.length)))
  if (!target) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = `/articles/${target}`
  return NextResponse.redirect(url, 301)
}

/** The list's own address when this request names its page 1 explicitly, else null. */
function firstPageOf(pathname: string, query: URLSearchParams): string | null {
  const path = pathname.replace(/\/page\/1$/, '')
  if (path !== pathname) return path || '/'
  return query.get('page') === '1' ? pathname : null
}

export const config = {
  matcher: ['/articles/:slug', '/', '/page/1', '/categories/:slug', '/categories/:slug/page/1'],
}
