import type { TaskConfig } from 'payload'
import { now as clockNow } from '@/lib/clock'

export const TRASH_DAYS = 30

/** Deletes comments that have sat in the trash for 30 days. Scheduled daily; safe to run any time. */
export const purgeTrashTask: TaskConfig<{ input: { now?: string | null }; output: { deleted: number } }> = {
  slug: 'purgeTrash',
  inputSchema: [{ name: 'now', type: 'date' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  schedule: [{ cron: '15 3 * * *', queue: 'default' }],
  handler: async ({ input, req }) => {
    const now = input?.now ? new Date(input.now) : clockNow()
    const cutoff = new Date(now.getTime() - TRASH_DAYS * 86_400_000).toISOString()
    const { docs } = await req.payload.delete({
      collection: 'comments',
      where: { status: { equals: 'trash' }, updatedAt: { less_than: cutoff } },
      overrideAccess: true,
      req,
    })
    return { output: { deleted: docs.length } }
  },
}
