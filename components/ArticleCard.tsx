import Link from 'next/link'

import type { ArticleCard as Card } from '@/lib/queries'
import type { Category } from '@/payload-types'
import { ArticleMeta } from './ArticleMeta'
import { MediaImage } from './MediaImage'

// Grid columns: 1 under 40rem, 2 to 64rem, 3 above (styles.css); the lead is about 60 % wide.
const CARD_SIZES = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 92vw'
const LEAD_SIZES = '(min-width: 64rem) 40rem, 92vw'

/**
 * One story on a list. With an image: the image above (16:9; the lead keeps its own frame).
 * Without: a typographic panel of the same shape carrying the section's name, so rows stay even
 * and the lead never leaves half its width blank.
 */
export function ArticleCard({ article, lead, eager }: { article: Card; lead?: boolean; eager?: boolean }) {
  const hasImage = typeof article.heroImage === 'object' && article.heroImage !== null && Boolean(article.heroImage.url)
  const section = (article.categories ?? []).find((c): c is Category => typeof c === 'object' && c !== null)
  const className = ['card', lead && 'card-lead', !hasImage && 'card-text'].filter(Boolean).join(' ')
  return (
    <article className={className}>
      {hasImage ? (
        <Link aria-hidden className="card-media" href={`/articles/${article.slug}`} prefetch={false} tabIndex={-1}>
          <MediaImage
            media={article.heroImage}
            priority={eager}
            shape={lead ? 'hero' : 'card'}
            sizes={lead ? LEAD_SIZES : CARD_SIZES}
          />
        </Link>
      ) : (
        !lead && (
          <div aria-hidden className="card-fallback">
            <span>{section?.title ?? 'News'}</span>
          </div>
        )
      )}
      <div className="card-body">
        <h2 className="card-title">
          {/* Not prefetched: a prefetched article brings its hero image's preload hint into this
              page's head, making the reader download an image this list does not show. */}
          <Link href={`/articles/${article.slug}`} prefetch={false}>
            {article.title}
          </Link>
        </h2>
        {article.excerpt && <p className="excerpt">{article.excerpt}</p>}
        <ArticleMeta {...article} compact={!lead} />
      </div>
    </article>
  )
}
