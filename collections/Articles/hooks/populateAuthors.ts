import type { CollectionBeforeChangeHook } from 'payload'

/** Copies the authors' names onto the article, so readers never need access to `users`. */
export const populateAuthors: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (!Array.isArray(data.authors)) return data
  const ids = data.authors.map((a: unknown) => (typeof a === 'object' && a ? (a as { id: number }).id : a))
  if (ids.length === 0) return { ...data, populatedAuthors: [] }
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    select: { name: true },
    depth: 0,
    pagination: false,
    req,
  })
  const byId = new Map(docs.map((u) => [String(u.id), u.name]))
  return {
    ...data,
    populatedAuthors: ids
      .filter((id: unknown) => byId.has(String(id)))
      .map((id: unknown) => ({ authorId: String(id), name: byId.get(String(id)) })),
  }
}
