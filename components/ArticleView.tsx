import type { Metadata } from 'next'
import { draftMode, headers } from 'next/headers'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleMeta } from './ArticleMeta'
import { CommentsSection } from './comments/CommentsSection'
import { LivePreviewListener } from './LivePreviewListener'
import { MediaImage } from './MediaImage'
import { RichText } from './RichText'
import { articleJsonLd, articleMetadata } from '@/lib/articleSeo'
import { payload } from '@/lib/payload'
import { findRelatedArticles, getArticleBySlug, getArticleDraft, getRedirectTarget } from '@/lib/queries'

async function loadArticle(slug: string) {
  if ((await draftMode()).isEnabled) {
    const { user } = await (await payload()).auth({ headers: await headers() })
    if (user) return { article: await getArticleDraft(slug, user), preview: true }
  }
  return { article: await getArticleBySlug(slug), preview: false }
}

export async function articlePageMetadata(slug: string): Promise<Metadata> {
  const { article } = await loadArticle(slug)
  return article ? articleMetadata(article) : {}
}

type Props = { slug: string; commentPage?: number; replyTo?: number | null }

/** The article page: used by /articles/[slug] and its comment-page and reply variants. */
export async function ArticleView({ slug, commentPage = 1, replyTo = null }: Props) {
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
      <CommentsSection article={article} page={commentPage} replyTo={replyTo} />
      <script dangerouslySetInnerHTML={{ __html: articleJsonLd(article) }} type="application/ld+json" />
    </article>
  )
}
