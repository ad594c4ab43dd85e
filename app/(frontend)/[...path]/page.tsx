import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { RichText } from '@/components/RichText'
import { withFeeds } from '@/lib/articleSeo'
import { serverUrl } from '@/lib/env.mjs'
import { normalisePagePath } from '@/lib/pagePaths'
import { getPageByPath } from '@/lib/pageQueries'

// A Page at its full path. Next's own routes (articles, categories, ...) always win over this
// catch-all, and a page's first segment may not be one of theirs (lib/pagePaths.ts).
export const dynamicParams = true
export const generateStaticParams = async () => []

type Args = { params: Promise<{ path: string[] }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const page = await getPageByPath(normalisePagePath((await params).path))
  if (!page) return {}
  return {
    title: page.meta?.title || page.title,
    description: page.meta?.description || undefined,
    alternates: withFeeds(`${serverUrl()}${page.path}`),
  }
}

export default async function PageView({ params }: Args) {
  const page = await getPageByPath(normalisePagePath((await params).path))
  if (!page) notFound()
  return (
    <article className="article page">
      <header>
        <h1>{page.title}</h1>
      </header>
      <RichText data={page.content} />
    </article>
  )
}
