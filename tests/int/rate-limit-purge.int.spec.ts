import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { consume } from '@/lib/security/rateLimits'
import { poolOf } from '@/lib/sql'
import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>
beforeAll(async () => ({ payload, stop } = await startPayload()))
afterAll(() => stop?.())

const keys = async () =>
  (await poolOf(payload).query('select key from rate_limits order by key')).rows.map((r) => (r as { key: string }).key)

it('the hourly job deletes the counters whose window has ended and keeps the running ones', async () => {
  // Real counters, written by the limiter: two addresses calling the API, one wrong password.
  await consume(payload, 'anonymousApi', '198.51.100.7')
  await consume(payload, 'anonymousApi', '198.51.100.8')
  await consume(payload, 'loginPair', 'editor@example.test|198.51.100.9')
  const before = await keys()
  expect(before).toHaveLength(3)
  // One API window (60 s) ended an hour ago; the login counter's 15 minutes are still running.
  await poolOf(payload).query(`update rate_limits set expire = $1 where key = $2`, [
    Date.now() - 3_600_000,
    'anonymousApi:198.51.100.7',
  ])

  expect(payload.config.jobs.tasks?.find((t) => t.slug === 'purgeRateLimits')?.schedule?.[0]?.cron).toBe('40 * * * *')
  await payload.jobs.queue({ task: 'purgeRateLimits', input: {} })
  const { jobStatus } = await payload.jobs.run({ where: { taskSlug: { equals: 'purgeRateLimits' } } })
  expect(Object.values(jobStatus ?? {})).toEqual([expect.objectContaining({ status: 'success' })])

  const after = await keys()
  expect(after).toHaveLength(2)
  expect(after).not.toContain('anonymousApi:198.51.100.7')
  expect(after).toEqual(before.filter((k) => k !== 'anonymousApi:198.51.100.7'))
  // A purged address starts a fresh window: its next call is allowed.
  expect(await consume(payload, 'anonymousApi', '198.51.100.7')).toBe(0)
})
