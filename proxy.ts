import { NextResponse, type NextRequest } from 'next/server'

import { articlePathExists } from './lib/pathCheck'
import { RESERVED_SEGMENTS } from './lib/pagePaths'
import { NOT_FOUND_PATH } from './lib/notFoundPath.mjs'
import { redirectFor } from './lib/renamedSlugs'
import { findRedirect } from './lib/redirects'
import { CROSS_SITE, isActionPost, MAX_ACTION_BYTES, TOO_LARGE } from './lib/security/actionPosts.mjs'

const text = (body: string, status: number) =>
  new NextResponse(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' },
  })

/**
 * A server action post from another site's page: Next refuses it by throwing, which answered 500;
 * this answers 403 first. Same test as Next's: the Origin's host against the host the request was
 * sent to.
 */
function crossOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin')
  if (!origin || origin === 'null') return origin === 'null'
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/**
 * Before any page renders:
 * - a server action post to any page (lib/security/actionPosts.mjs) from another site answers 403,
 *   one whose Content-Length is over 1 MB 413, where Next would throw (a 500);
 * - an old address in the Redirects collection (imported WordPress permalinks, /?p=123,
 *   hand-made ones) answers with its one redirect;
 * - a slash-ended address of Byline's own routes goes to the bare one (Next's own trailing-slash
 *   redirect is off so that old WordPress addresses get one redirect, not two);
 * - page 1 of a list answers 301 to the list's own address;
 * - under /articles: a renamed article's old address answers 301 Moved Permanently to its current
 *   one; an address naming no live article, comment page or approved comment is answered 404 here,
 *   so made-up addresses are never rendered and cached one by one. Staff previews (draft mode) are
 *   left to the page, which shows drafts to staff.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl
  if (isActionPost(request.method, (name) => request.headers.get(name))) {
    if (crossOrigin(request)) return text(CROSS_SITE, 403)
    if (Number(request.headers.get('content-length') ?? 0) > MAX_ACTION_BYTES) return text(TOO_LARGE, 413)
  }
  const hit = await findRedirect(pathname, search)
  if (hit) return NextResponse.redirect(new URL(hit.location, request.nextUrl), hit.status)
  if (pathname.length > 1 && pathname.endsWith('/') && RESERVED_SEGMENTS.has(pathname.split('/')[1])) {
    const url = request.nextUrl.clone()
    url.pathname = pathname.replace(/\/+$/, '')
    return NextResponse.redirect(url, 308)
  }
  // Page 1 of a list (`/?page=1`, `/page/1`, `/categories/x/page/1`, …) answers 301 to the list's
  // own address, so each list has one URL.
  const list = firstPageOf(pathname, searchParams)
  if (list) {
    const url = request.nextUrl.clone()
    url.pathname = list
    url.searchParams.delete('page')
    return NextResponse.redirect(url, 301)
  }
  // The branded 404's page has one address; a made-up variant would be rendered and cached.
  if (pathname.startsWith('/not-found-page/') && pathname !== NOT_FOUND_PATH) return notFoundPage()
  if (!pathname.startsWith('/articles/')) return NextResponse.next()
  let parts: string[]
  try {
    parts = request.nextUrl.pathname.slice('/articles/'.length).split('/').map(decodeURIComponent)
  } catch {
    // `/articles/%`: not an address at all.
    return text('Bad address: malformed percent-encoding.', 400)
  }
  if (request.cookies.has('__prerender_bypass') || parts[1] === 'uncached') return NextResponse.next()
  // Form posts (the comment action, with or without JavaScript) go to the page, which checks the
  // article itself: in the end-to-end suite the address check below answered 404 to posts on a
  // live article now and then (not yet understood), and a post is never cached anyway.
  if (request.method === 'POST') return NextResponse.next()
  if (parts.length === 1) {
    const target = await redirectFor(parts[0])
    if (target) {
      const url = request.nextUrl.clone()
      url.pathname = `/articles/${target}`
      return NextResponse.redirect(url, 301)
    }
  }
  const found = await articlePathExists(parts).catch(() => true) // the page itself answers if the database hiccups
  return found ? NextResponse.next() : notFoundPage()
}

/**
 * The answer for an address that names nothing: a small page of its own, so nothing is rendered
 * or cached for it. (A rewrite to a shared not-found path is not used: Next proxies a rewrite
 * whose host differs from the one it was started with, as behind a reverse proxy.)
 */
const notFoundPage = () =>
  new NextResponse(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Page not found</title></head>' +
      '<body><main><h1>Page not found</h1><p>We could not find that page. It may have moved or never existed.</p><p><a href="/">Go to the front page</a></p></main></body></html>',
    { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' } },
  )

/** The list's own address when this request names its page 1 explicitly, else null. */
const LIST = /^(\/|\/page\/1|\/(categories|authors|tags)\/[^/]+(\/page\/1)?)$/

function firstPageOf(pathname: string, query: URLSearchParams): string | null {
  if (!LIST.test(pathname)) return null
  const path = pathname.replace(/\/page\/1$/, '')
  if (path !== pathname) return path || '/'
  return query.get('page') === '1' ? pathname : null
}

// Everything but Next's assets, the API and the admin (whose addresses never move).
export const config = { matcher: '/((?!_next/|api/|admin).*)' }
