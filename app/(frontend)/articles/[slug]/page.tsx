import type { Metadata } from 'next'
import { draftMode, headers } from 'next/headers'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleMeta } from '@/components/ArticleMeta'
import { LivePreviewListener } from '@/components/LivePreviewListener'
import { MediaImage } from '@/components/MediaImage'
import { RichText } from '@/components/RichText'
import { articleJsonLd, articleMetadata } from '@/lib/articleSeo'
import { payload } from '@/lib/payload'
import { findRelatedArticles, getArticleBySlug, getArticleDraft, getRedirectTarget } from '@/lib/queries'

type Args = { params: Promise<{ slug: string }> }

// Rendered on first request, then served from Next's cache until a hook expires its tags.
export const dynamicParams = true
export const generateStaticParams = async () => []

async function loadArticle(slug: string) {
  if ((await draftMode()).isEnabled) {
    const { user } = await (await payload()).auth({ headers: await headers() })
    if (user) return { article: await getArticleDraft(slug, user), preview: true }
  }
  return { article: await getArticleBySlug(slug), preview: false }
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const { article } = await loadArticle(decodeURIComponent((await params).slug))
  return article ? articleMetadata(article) : {}
}

export default async function ArticlePage({ params }: Args) {
  const slug = decodeURIComponent((await params).slug)
  const { article, preview } = await loadArticle(slug)
  if (!article) {
    const target = await getRedirectTarget(slug)
    if (target) permanentRedirect(`/articles/${target}`)
    notFound()
  }
  const related = await findRelatedArticles(await payload(), article)

  return (
    <article className="article">
      {preview && <LivePreviewListener />}
      <header>
        <h1>{article.title}</h1>
        <ArticleMeta {...article} />
      </header>
      <MediaImage className="hero" media={article.heroImage} priority size="hero" />
      {article.excerpt && <p className="lede">{article.excerpt}</p>}
      <RichText data={article.content} />
      {related.length > 0 && (
        <aside aria-label="Read more" className="read-more">
          <p>
            <strong>Read more:</strong>{' '}
            {related.map((r, i) => (
              <span key={r.id}>
                {i > 0 && ' · '}
                <Link href={`/articles/${r.slug}`}>{r.title}</Link>
              </span>
            ))}
          </p>
        </aside>
      )}
      {/* The comments section lives here, below the body, inside its own bounded region. */}
      <section aria-label="Comments" className="comments" id="comments" />
      <script dangerouslySetInnerHTML={{ __html: articleJsonLd(article) }} type="application/ld+json" />
    </article>
  )
}
