import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { articlePageMetadata, ArticleView } from '@/components/ArticleView'
import { benchBypassAllowed } from '@/lib/benchBypass'

type Args = { params: Promise<{ slug: string }> }

/**
 * The article page as a cache miss costs it: rendered on every request, every data cache
 * bypassed (`fetchCache = 'force-no-store'` makes unstable_cache call through), so each request
 * runs the page's SQL. Only for `npm run bench`: a 404 unless BENCH_BYPASS_SECRET is set and
 * the request sends it in X-Bench-Bypass.
 */
export const dynamic = 'force-dynamic'
export const fetchCache = 'force-no-store'

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  if (!(await benchBypassAllowed())) return {}
  return {
    ...(await articlePageMetadata(decodeURIComponent((await params).slug))),
    robots: { index: false },
  }
}

export default async function UncachedArticlePage({ params }: Args) {
  if (!(await benchBypassAllowed())) notFound()
  return <ArticleView slug={decodeURIComponent((await params).slug)} />
}
