import Link from 'next/link'

import type { RelatedArticle } from '@/lib/relatedArticles'

/** "Read more" under an article: up to three stories, each with its thumbnail when it has one. */
export function ReadMore({ articles }: { articles: RelatedArticle[] }) {
  if (articles.length === 0) return null
  return (
    <aside aria-labelledby="read-more-title" className="read-more">
      <h2 id="read-more-title">Read more</h2>
      <ul>
        {articles.map((r) => (
          <li className={r.thumbnail ? 'has-thumb' : undefined} key={r.id}>
            {r.thumbnail && (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                alt=""
                decoding="async"
                height={r.thumbnail.height}
                loading="lazy"
                src={r.thumbnail.url}
                width={r.thumbnail.width}
              />
            )}
            <Link href={`/articles/${r.slug}`} prefetch={false}>
              {r.title}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  )
}
