import Link from 'next/link'

/** Older/newer links for a paginated list; `?page=N` addresses each page. */
export function Pagination({ basePath, page, totalPages }: { basePath: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`)
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}

/** A list's page number (from `?page=N`, rewritten into the path) as 1 to 10000, or null. */
export function parsePage(value: string): number | null {
  if (!/^[1-9]\d{0,4}$/.test(value)) return null
  const n = Number(value)
  return n <= 10000 ? n : null
}
