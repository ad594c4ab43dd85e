import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from '../helpers/payload'

// Readers see a published page once its publishedAt has come (access/staffOrPublished.ts), as
// for articles: publishing without a date means now.
let payload: Payload
let stop: () => Promise<void>
beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(() => stop?.())

const ctx = { disableRevalidate: true }
const asReader = (slug: string) =>
  payload.find({ collection: 'pages', where: { slug: { equals: slug } }, overrideAccess: false, depth: 0 })

describe('publishing a page', () => {
  it('published without a date: public at once, dated now', async () => {
    const before = Date.now()
    const page = await payload.create({
      collection: 'pages',
      data: { title: 'About the paper', slug: 'about-the-paper', _status: 'published' },
      context: ctx,
    })
    expect(new Date(page.publishedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    const { docs } = await asReader('about-the-paper')
    expect(docs.map((d) => d.id)).toEqual([page.id])
  })

  it('a future date keeps it hidden; a draft never gets a date or readers', async () => {
    const later = new Date(Date.now() + 86_400_000).toISOString()
    await payload.create({
      collection: 'pages',
      data: { title: 'Coming soon', slug: 'coming-soon', _status: 'published', publishedAt: later },
      context: ctx,
    })
    const draft = await payload.create({
      collection: 'pages',
      data: { title: 'Unfinished', slug: 'unfinished', _status: 'draft' },
      context: ctx,
    })
    expect(draft.publishedAt ?? null).toBeNull()
    expect(
      (
        await payload.find({
          collection: 'pages',
          where: { slug: { in: ['coming-soon', 'unfinished'] } },
          draft: true,
          depth: 0,
        })
      ).docs,
    ).toHaveLength(2)
    expect((await asReader('coming-soon')).docs).toEqual([])
    expect((await asReader('unfinished')).docs).toEqual([])
  })
})
