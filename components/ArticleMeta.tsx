import Link from 'next/link'

import type { Article, Category } from '@/payload-types'
import { formatDate } from '@/lib/format'

type Props = Pick<Article, 'populatedAuthors' | 'publishedAt' | 'categories'> & {
  /** On the article page the byline links each author to their page. */
  linkAuthors?: boolean
  /** Grid cards: section and date only, so the date stays on the same line in a narrow column. */
  compact?: boolean
}

/** The author's archive slug, where the Users collection provides one (read defensively). */
export const authorSlug = (author: unknown): string | null => {
  const slug = (author as { slug?: string | null } | null)?.slug
  return typeof slug === 'string' && slug ? slug : null
}

/** Section, authors and date on one line: the byline under a title or on a card. */
export function ArticleMeta({ populatedAuthors, publishedAt, categories, linkAuthors, compact }: Props) {
  const authors = compact ? [] : (populatedAuthors ?? []).filter((a) => a.name)
  const cats = (categories ?? []).filter((c): c is Category => typeof c === 'object' && c !== null)
  return (
    <p className="meta">
      {cats.map((c) => (
        <Link className="category" href={`/categories/${c.slug}`} key={c.id} prefetch={false}>
          {c.title}
        </Link>
      ))}
      {authors.length > 0 && (
        <span className="authors">
          By{' '}
          {authors.map((a, i) => {
            const slug = linkAuthors ? authorSlug(a) : null
            return (
              <span key={a.id ?? i}>
                {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
                {slug ? (
                  <a href={`/authors/${slug}`} rel="author">
                    {a.name}
                  </a>
                ) : (
                  a.name
                )}
              </span>
            )
          })}
        </span>
      )}
      {publishedAt && <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>}
    </p>
  )
}
