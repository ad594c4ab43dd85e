import type { CollectionBeforeDeleteHook } from 'payload'

/** Comments belong to their article: deleting the article deletes them first (same transaction; the foreign key would only null them). */
export const deleteComments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'comments', where: { article: { equals: id } }, overrideAccess: true, req })
}
