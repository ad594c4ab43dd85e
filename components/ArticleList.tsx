import type { ArticleCard as Card } from '@/lib/queries'
import { ArticleCard } from './ArticleCard'
import { Pagination } from './Pagination'

export function ArticleList({ articles, basePath, page, totalPages }: { articles: Card[]; basePath: string; page: number; totalPages: number }) {
  if (articles.length === 0) return <p className="empty">No articles yet.</p>
  return (
    <>
      <div className="cards">
        {articles.map((article, i) => (
          <ArticleCard article={article} key={article.id} lead={page === 1 && i === 0} />
        ))}
      </div>
      <Pagination basePath={basePath} page={page} totalPages={totalPages} />
    </>
  )
}
