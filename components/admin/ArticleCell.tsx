import { headers } from 'next/headers'
import type { DefaultServerCellComponentProps, Payload } from 'payload'
import { cache } from 'react'

type Titles = (id: number) => Promise<string | null>

/**
 * Per request: the titles of the articles the list's rows name, read in one query. The table
 * renders all its cells in one pass, so the ids asked for in the same tick are read together,
 * with the signed-in staff member's own rights.
 */
const titleLoader = cache((payload: Payload): Titles => {
  const user = headers().then((h) => payload.auth({ headers: h }).then((r) => r.user))
  let queued: Map<number, ((title: string | null) => void)[]> | null = null
  const flush = async (batch: Map<number, ((title: string | null) => void)[]>) => {
    const titles = new Map<number, string>()
    try {
      const { docs } = await payload.find({
        collection: 'articles',
        where: { id: { in: [...batch.keys()] } },
        limit: batch.size,
        depth: 0,
        draft: false,
        overrideAccess: false,
        user: await user,
        select: { title: true },
      })
      for (const doc of docs) titles.set(doc.id, doc.title)
    } finally {
      for (const [id, waiting] of batch) for (const resolve of waiting) resolve(titles.get(id) ?? null)
    }
  }
  return (id) =>
    new Promise((resolve) => {
      if (!queued) {
        const batch = new Map<number, ((title: string | null) => void)[]>()
        queued = batch
        setTimeout(() => {
          queued = null
          void flush(batch)
        }, 0)
      }
      queued.set(id, [...(queued.get(id) ?? []), resolve])
    })
})

/**
 * The comments list's Article column: the article's title, rendered on the server.
 *
 * Payload's own relationship cell asks the browser to fetch a title only for cells that were
 * inside the window when the list first rendered (it watches each cell with an
 * IntersectionObserver, and a cell never in view never asks): with the moderation buttons making
 * rows taller, rows 9 onward sat below the fold and showed "<No Article>", published articles too.
 */
export async function ArticleCell({ cellData, payload }: DefaultServerCellComponentProps) {
  const raw = typeof cellData === 'object' && cellData ? (cellData as { id?: unknown }).id : cellData
  const id = Number(raw)
  if (!Number.isSafeInteger(id) || id < 1) return <span>—</span>
  const title = await titleLoader(payload)(id)
  return <span data-article-id={id}>{title?.trim() || `Article ${id} (no title)`}</span>
}
