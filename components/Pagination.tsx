import Link from 'next/link'

/** Older/newer links for a paginated list; `?page=N` addresses each page. */
export function Pagination({ basePath, page, totalPages }: { basePath: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`)
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">← Newer</Link> : <span />}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? <Link href={href(page + 1)} rel="next">Older →</Link> : <span />}
    </nav>
  )
}

/** `?page=N` as a positive integer, or null when it is not one. */
export function parsePage(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(n) && n >= 1 && n <= 10000 ? n : null
}
