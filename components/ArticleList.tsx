import type { ArticleCard as Card } from '@/lib/queries'
import { ArticleCard } from './ArticleCard'
import { Pagination } from './Pagination'

/** A list page: on page 1 the newest story leads, full width; the rest fill an even grid. */
export function ArticleList({
  articles,
  basePath,
  page,
  totalPages,
}: {
  articles: Card[]
  basePath: string
  page: number
  totalPages: number
}) {
  if (articles.length === 0) return <p className="empty">No articles yet.</p>
  const [first, ...rest] = articles
  const lead = page === 1 ? first : null
  const grid = lead ? rest : articles
  return (
    <>
      {lead && <ArticleCard article={lead} eager lead />}
      {grid.length > 0 && (
        <div className="cards">
          {grid.map((article) => (
            <ArticleCard article={article} key={article.id} />
          ))}
        </div>
      )}
      <Pagination basePath={basePath} page={page} totalPages={totalPages} />
    </>
  )
}
