import Link from 'next/link'

import type { ArticleCard as Card } from '@/lib/queries'
import { ArticleMeta } from './ArticleMeta'
import { MediaImage } from './MediaImage'

export function ArticleCard({ article, lead }: { article: Card; lead?: boolean }) {
  return (
    <article className={lead ? 'card card-lead' : 'card'}>
      <Link href={`/articles/${article.slug}`} tabIndex={-1} aria-hidden>
        <MediaImage media={article.heroImage} size={lead ? 'hero' : 'card'} priority={lead} />
      </Link>
      <div>
        <h2>
          <Link href={`/articles/${article.slug}`}>{article.title}</Link>
        </h2>
        <ArticleMeta {...article} />
        {article.excerpt && <p className="excerpt">{article.excerpt}</p>}
      </div>
    </article>
  )
}
