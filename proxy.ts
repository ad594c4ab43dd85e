import { NextResponse, type NextRequest } from 'next/server'

import { RESERVED_SEGMENTS } from './lib/pagePaths'
import { redirectFor } from './lib/redirectMap'
import { findRedirect } from './lib/redirects'

const ARTICLE_PATH = /^\/articles\/([^/]+)\/?$/

/**
 * Old addresses answer with one redirect before any page renders: the Redirects collection
 * (imported WordPress permalinks, /?p=123, hand-made ones) first, then a renamed article's old
 * slug, which answers 301 Moved Permanently to its current one.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  const hit = await findRedirect(pathname, search)
  if (hit) return NextResponse.redirect(new URL(hit.location, request.nextUrl), hit.status)
  if (pathname.length > 1 && pathname.endsWith('/') && RESERVED_SEGMENTS.has(pathname.split('/')[1])) {
    // Byline's own routes live without the slash (Next's usual redirect, off for old WordPress URLs).
    const url = request.nextUrl.clone()
    url.pathname = pathname.replace(/\/+$/, '')
    return NextResponse.redirect(url, 308)
  }
  const article = ARTICLE_PATH.exec(pathname)
  if (!article) return NextResponse.next()
  const target = await redirectFor(decodeURIComponent(article[1]))
  if (!target) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = `/articles/${target}`
  return NextResponse.redirect(url, 301)
}

// Everything but Next's assets, the API and the admin (whose addresses never move).
export const config = { matcher: '/((?!_next/|api/|admin).*)' }
