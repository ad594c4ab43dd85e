import type { DefaultServerCellComponentProps } from 'payload'

/**
 * The comments list's Article column: the article's title, read on the server with the row
 * (the `articleTitle` virtual field, one batched query per page).
 *
 * Payload's own relationship cell asks the browser to fetch titles, and only for cells that were
 * inside the window when the list first rendered (it watches each cell with an
 * IntersectionObserver): with the moderation buttons making rows taller, rows 9 onward sat below
 * the fold, never asked, and showed "<No Article>" — on published articles too.
 */
export function ArticleCell({ cellData, rowData }: DefaultServerCellComponentProps) {
  const title = typeof rowData?.articleTitle === 'string' ? rowData.articleTitle.trim() : ''
  const id = typeof cellData === 'object' && cellData ? (cellData as { id?: unknown }).id : cellData
  if (title) return <span data-article-id={String(id ?? '')}>{title}</span>
  return <span data-article-id={String(id ?? '')}>{id ? `Article ${id} (not readable)` : '—'}</span>
}
