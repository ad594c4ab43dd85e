import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { lexical } from '@/lib/lexical'
import { poolOf } from '@/lib/sql'
import { startPayload } from '../helpers/payload'
import { createStaff } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
beforeAll(async () => ({ payload, stop } = await startPayload()))
afterAll(() => stop?.())

it('the hourly job deletes articles never typed into a day after "Create New", and nothing else', async () => {
  const { editor } = await createStaff(payload)
  // What "Create New" saves at once: an empty draft, as the editor.
  const empty = () =>
    payload.create({ collection: 'articles', data: {}, draft: true, user: editor, overrideAccess: false })
  const abandoned = await empty()
  const openNow = await empty()
  const titled = await payload.create({
    collection: 'articles',
    data: { title: 'A title only' },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
  const bodyOnly = await payload.create({
    collection: 'articles',
    data: { content: lexical([{ p: 'Some words.' }]) },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
  const published = await payload.create({
    collection: 'articles',
    data: { title: 'Out', _status: 'published', content: lexical([{ p: 'Body.' }]) },
    user: editor,
    overrideAccess: false,
  })
  const unpublished = await payload.update({
    collection: 'articles',
    id: published.id,
    data: { _status: 'draft' },
    user: editor,
    overrideAccess: false,
  })
  expect(unpublished.publishedAt).toBeTruthy()
  const old = [abandoned.id, titled.id, bodyOnly.id, published.id]
  await poolOf(payload).query(`update articles set created_at = now() - interval '25 hours' where id = any($1)`, [old])

  expect(payload.config.jobs.tasks?.find((t) => t.slug === 'purgeEmptyDrafts')?.schedule?.[0]?.cron).toBe('20 * * * *')
  await payload.jobs.queue({ task: 'purgeEmptyDrafts', input: {} })
  const { jobStatus } = await payload.jobs.run({ where: { taskSlug: { equals: 'purgeEmptyDrafts' } } })
  expect(Object.values(jobStatus ?? {})).toEqual([expect.objectContaining({ status: 'success' })])

  const left = (
    await payload.find({ collection: 'articles', draft: true, pagination: false, overrideAccess: true })
  ).docs.map((a) => a.id)
  expect(left).toHaveLength(4)
  expect(left).not.toContain(abandoned.id)
  expect(left).toEqual(expect.arrayContaining([openNow.id, titled.id, bodyOnly.id, published.id]))
})
