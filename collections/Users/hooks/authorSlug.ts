import type { FieldHook } from 'payload'

import { slugify } from '@/lib/slugify'

/**
 * The author page's slug: a typed one is normalised (the field refuses one that is taken); left
 * empty, the account keeps the one it has, or a new account gets its name's slug, with "-2",
 * "-3"… when another account (two people may share a name) already has it.
 */
export const authorSlug: FieldHook = async ({ value, data, originalDoc, req }) => {
  if (typeof value === 'string' && value.trim()) return slugify(value)
  if (originalDoc?.slug) return originalDoc.slug
  const base = slugify(String(data?.name ?? originalDoc?.name ?? '')) || 'author'
  const candidates = [base, ...Array.from({ length: 49 }, (_, i) => `${base}-${i + 2}`)]
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { slug: { in: candidates } },
    pagination: false,
    limit: candidates.length,
    depth: 0,
    select: { slug: true },
    req,
  })
  const taken = new Set(docs.map((d) => d.slug))
  return candidates.find((c) => !taken.has(c)) ?? `${base}-${Date.now().toString(36)}`
}
