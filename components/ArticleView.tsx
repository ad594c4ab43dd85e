import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleMeta } from './ArticleMeta'
import { CommentsSection } from './comments/CommentsSection'
import { LivePreviewListener } from './LivePreviewListener'
import { captionOf, MediaImage } from './MediaImage'
import { ReadMore } from './ReadMore'
import { RichText } from './RichText'
import { withAuthorSlugs } from '@/lib/archives'
import { articleJsonLd, articleMetadata } from '@/lib/articleSeo'
import { getCommentPage, getDiscussionSettings } from '@/lib/comments/queries'
import { payload } from '@/lib/payload'
import { previewer } from '@/lib/previewer'
import {
  findRelatedArticles,
  getArticleBySlug,
  getArticleDraft,
  getRedirectTarget,
  getSiteSettings,
} from '@/lib/queries'
import { slugify } from '@/lib/slugify'

async function loadArticle(slug: string) {
  const user = await previewer()
  if (user) return { article: await getArticleDraft(slug, user), preview: true }
  return { article: await getArticleBySlug(slug), preview: false }
}

export async function articlePageMetadata(slug: string): Promise<Metadata> {
  const [{ article }, site] = await Promise.all([loadArticle(slug), getSiteSettings()])
  return article ? articleMetadata(article, site) : {}
}

type Props = { slug: string; commentPage?: number; replyTo?: number | null }

// The hero may run wider than the text column (styles.css: 60rem at most).
const HERO_SIZES = '(min-width: 62rem) 60rem, 100vw'

/** The article page: used by /articles/[slug] and its comment-page and reply variants. */
export async function ArticleView({ slug, commentPage = 1, replyTo = null }: Props) {
  const { article: found, preview } = await loadArticle(slug)
  if (!found) {
    const target = await getRedirectTarget(slug)
    if (target) permanentRedirect(`/articles/${target}`)
    notFound()
  }
  // Bylines link to the authors' pages (and the JSON-LD names their url).
  const article = await withAuthorSlugs(found)
  const settings = await getDiscussionSettings()
  // The same cached comment page the comment section shows: the JSON-LD lists what the page shows.
  const [related, comments, site] = await Promise.all([
    findRelatedArticles(await payload(), article),
    getCommentPage(article.id, { page: commentPage, perPage: settings.perPage, order: settings.order }),
    getSiteSettings(),
  ])
  const caption = captionOf(article.heroImage)
  const tags = (article.tags ?? []).filter((t) => slugify(t))

  return (
    <article className="article">
      {preview && <LivePreviewListener />}
      <header className="article-header">
        <h1>{article.title}</h1>
        {article.excerpt && <p className="lede">{article.excerpt}</p>}
        <ArticleMeta {...article} linkAuthors />
      </header>
      {typeof article.heroImage === 'object' && article.heroImage?.url && (
        <figure className="hero">
          <MediaImage media={article.heroImage} priority shape="hero" sizes={HERO_SIZES} />
          {caption && <figcaption>{caption}</figcaption>}
        </figure>
      )}
      <RichText data={article.content} />
      {tags.length > 0 && (
        <nav aria-label="Tags" className="tags">
          <ul>
            {tags.map((tag) => (
              <li key={tag}>
                <a href={`/tags/${slugify(tag)}`} rel="tag">
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ReadMore articles={related} />
      <CommentsSection article={article} page={commentPage} replyTo={replyTo} />
      <script
        dangerouslySetInnerHTML={{ __html: articleJsonLd(article, site, comments.comments, comments.total) }}
        type="application/ld+json"
      />
    </article>
  )
}
