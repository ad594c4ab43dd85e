import type { TaskConfig } from 'payload'
import { EMPTY_DRAFT } from '@/collections/Articles/emptyDrafts'
import { now as clockNow } from '@/lib/clock'

/** How long an untouched "Create New" article is kept: an editor may leave the tab open a while. */
export const EMPTY_DRAFT_HOURS = 24

/**
 * Deletes the articles nobody ever typed into. "Create New" saves a draft at once (autosave), so
 * every click that went no further left a "<No Title>" row in the list and an "Untitled" entry in
 * the "Read more" picker. An article with no title, excerpt or body that was never published, a
 * day after it was made, is one of those. Runs hourly in the process holding the job lock.
 */
export const purgeEmptyDraftsTask: TaskConfig<{ input: { now?: string | null }; output: { deleted: number } }> = {
  slug: 'purgeEmptyDrafts',
  inputSchema: [{ name: 'now', type: 'date' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  schedule: [{ cron: '20 * * * *', queue: 'default' }],
  handler: async ({ input, req }) => {
    const now = input?.now ? new Date(input.now) : clockNow()
    const cutoff = new Date(now.getTime() - EMPTY_DRAFT_HOURS * 3_600_000).toISOString()
    const { docs } = await req.payload.delete({
      collection: 'articles',
      where: { and: [EMPTY_DRAFT, { createdAt: { less_than: cutoff } }] },
      overrideAccess: true,
      req,
    })
    return { output: { deleted: docs.length } }
  },
}
