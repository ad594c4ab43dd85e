import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { LivePreviewListener } from '@/components/LivePreviewListener'
import { RichText } from '@/components/RichText'
import { listMetadata } from '@/lib/articleSeo'
import { normalisePagePath } from '@/lib/pagePaths'
import { getPageByPath, getPageDraft } from '@/lib/pageQueries'
import { previewer } from '@/lib/previewer'
import { getSiteSettings } from '@/lib/queries'

// A Page at its full path. Next's own routes (articles, categories, ...) always win over this
// catch-all, and a page's first segment may not be one of theirs (lib/pagePaths.ts).
export const dynamicParams = true
export const generateStaticParams = async () => []

type Args = { params: Promise<{ path: string[] }> }

/** The published page, or in draft mode (/preview, staff only) its latest draft. */
async function loadPage(segments: string[]) {
  const path = normalisePagePath(segments)
  const user = await previewer()
  if (user) return { page: await getPageDraft(path, user), preview: true }
  return { page: await getPageByPath(path), preview: false }
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const [{ page }, site] = await Promise.all([loadPage((await params).path), getSiteSettings()])
  if (!page?.path) return {}
  // SEO title and description, and the SEO image (else the site's default) for sharing.
  return listMetadata({
    path: page.path,
    title: page.meta?.title || page.title,
    description: page.meta?.description || undefined,
    image: page.meta?.image,
    site,
  })
}

export default async function PageView({ params }: Args) {
  const { page, preview } = await loadPage((await params).path)
  if (!page) notFound()
  return (
    <article className="article page">
      {preview && <LivePreviewListener />}
      <header>
        <h1>{page.title}</h1>
      </header>
      <RichText data={page.content} />
    </article>
  )
}
