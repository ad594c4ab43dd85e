import type { CollectionBeforeChangeHook } from 'payload'

/** When a published article's slug changes, keep the old one so its address redirects. */
export const rememberPreviousSlug: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation !== 'update' || !originalDoc?.slug || !data.slug) return data
  const wasPublished = originalDoc._status === 'published'
  const previous: { slug: string }[] = (data.previousSlugs ?? originalDoc.previousSlugs ?? []).map(
    ({ slug }: { slug: string }) => ({ slug }),
  )
  const slugs = new Set(previous.map((p) => p.slug))
  if (wasPublished && data.slug !== originalDoc.slug) slugs.add(originalDoc.slug)
  slugs.delete(data.slug)
  return { ...data, previousSlugs: [...slugs].map((slug) => ({ slug })) }
}
