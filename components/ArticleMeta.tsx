import Link from 'next/link'

import type { Article, Category } from '@/payload-types'
import { formatDate } from '@/lib/format'

type Props = Pick<Article, 'populatedAuthors' | 'publishedAt' | 'categories'>

/** Category, authors and date: the byline under a title or on a card. */
export function ArticleMeta({ populatedAuthors, publishedAt, categories }: Props) {
  const names = (populatedAuthors ?? []).map((a) => a.name).filter(Boolean)
  const cats = (categories ?? []).filter((c): c is Category => typeof c === 'object' && c !== null)
  return (
    <p className="meta">
      {cats.map((c) => (
        <Link className="category" href={`/categories/${c.slug}`} key={c.id}>
          {c.title}
        </Link>
      ))}
      {names.length > 0 && <span className="authors">By {names.join(', ')}</span>}
      {publishedAt && <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>}
    </p>
  )
}
