import type { TaskConfig } from 'payload'

import { poolOf } from '@/lib/sql'
import { now as clockNow } from '@/lib/clock'

/**
 * Deletes the rate-limit counters (table rate_limits, lib/security/rateLimits.ts) whose window has
 * ended: every address that ever called the API or tried a password leaves a row, and without
 * this the table only grows. rate-limiter-flexible's own sweep is off because it would run a timer
 * in every instance; this runs hourly in the one process that holds the job lock.
 */
export const purgeRateLimitsTask: TaskConfig<{ input: { now?: string | null }; output: { deleted: number } }> = {
  slug: 'purgeRateLimits',
  inputSchema: [{ name: 'now', type: 'date' }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  schedule: [{ cron: '40 * * * *', queue: 'default' }],
  handler: async ({ input, req }) => {
    const now = input?.now ? new Date(input.now).getTime() : clockNow().getTime()
    const { rows } = await poolOf(req.payload).query(
      'with gone as (delete from rate_limits where expire is not null and expire < $1 returning 1) select count(*)::int as n from gone',
      [now],
    )
    return { output: { deleted: (rows[0] as { n: number }).n } }
  },
}
