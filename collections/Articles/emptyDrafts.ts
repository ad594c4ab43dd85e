import type { Where } from 'payload'

/**
 * An article nobody ever typed into: "Create New" saves a draft at once (autosave), so each click
 * that went no further leaves one. Such drafts are left out of the admin's list and pickers at
 * once (NOT_EMPTY_DRAFT) and deleted a day later (jobs/purgeEmptyDrafts.ts, EMPTY_DRAFT).
 */
export const EMPTY_DRAFT: Where = {
  and: [
    { _status: { equals: 'draft' } },
    { publishedAt: { exists: false } },
    { title: { exists: false } },
    { excerpt: { exists: false } },
    { content: { exists: false } },
  ],
}

/** Every other article: the negation of EMPTY_DRAFT, one condition at a time. */
export const NOT_EMPTY_DRAFT: Where = {
  or: [
    { _status: { not_equals: 'draft' } },
    { publishedAt: { exists: true } },
    { title: { exists: true } },
    { excerpt: { exists: true } },
    { content: { exists: true } },
  ],
}
