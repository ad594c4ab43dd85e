import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { ctx, publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>
beforeAll(async () => ({ payload, stop } = await startPayload()))
afterAll(() => stop?.())

it('the scheduled job purges trash older than 30 days and nothing else', async () => {
  const article = await publishedArticle(payload)
  const make = (status: 'trash' | 'spam' | 'approved', body: string) =>
    payload.create({
      collection: 'comments',
      data: { article: article.id, body, authorName: 'A', status },
      context: ctx,
    })
  const oldTrash = await make('trash', 'old trash')
  const newTrash = await make('trash', 'new trash')
  const oldSpam = await make('spam', 'old spam')
  const pool = (payload.db as unknown as { pool: { query: (s: string, p: unknown[]) => Promise<unknown> } }).pool
  await pool.query(`update comments set updated_at = now() - interval '31 days' where id = any($1)`, [
    [oldTrash.id, oldSpam.id],
  ])

  expect(payload.config.jobs.tasks?.find((t) => t.slug === 'purgeTrash')?.schedule?.[0]?.cron).toBeTruthy()
  await payload.jobs.queue({ task: 'purgeTrash', input: {} })
  const { jobStatus } = await payload.jobs.run()
  expect(Object.values(jobStatus ?? {})).toEqual([expect.objectContaining({ status: 'success' })])

  const left = (await payload.find({ collection: 'comments', pagination: false })).docs.map((c) => c.id)
  expect(left).not.toContain(oldTrash.id)
  expect(left).toEqual(expect.arrayContaining([newTrash.id, oldSpam.id]))
})
