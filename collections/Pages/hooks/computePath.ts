import type { CollectionBeforeChangeHook } from 'payload'

import { pagePath } from '@/lib/pagePaths'

const idOf = (v: unknown) => (typeof v === 'object' && v ? (v as { id: number }).id : (v as number | null | undefined))

/** pages.path from the parent chain's slugs, so the catch-all route finds a page in one query. */
export const computePath: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const slug = data.slug ?? originalDoc?.slug
  if (!slug) return data
  const slugs = [slug]
  const seen = new Set<number>()
  let parentId = idOf(data.parent !== undefined ? data.parent : originalDoc?.parent)
  while (parentId && !seen.has(parentId) && seen.size < 20) {
    seen.add(parentId)
    const parent = await req.payload.findByID({
      collection: 'pages',
      id: parentId,
      depth: 0,
      draft: true,
      overrideAccess: true,
      disableErrors: true,
      req,
      select: { slug: true, parent: true },
    })
    if (!parent?.slug) break
    slugs.unshift(parent.slug)
    parentId = idOf(parent.parent)
  }
  return { ...data, path: pagePath(slugs) }
}
