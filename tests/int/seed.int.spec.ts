import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { findRelatedArticles } from '@/lib/queries'
import { seed } from '@/scripts/seed'
import { LEAD_SLUG, NORTH_KOREA_SLUG } from '@/scripts/seed/articles'
import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>
beforeAll(async () => ({ payload, stop } = await startPayload()))
afterAll(() => stop?.())

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (['users', 'categories', 'articles', 'media'] as const).map(async (c) => [
        c,
        (await payload.count({ collection: c })).totalDocs,
      ]),
    ),
  )

it('creates the demo staff, category and articles, and a second run duplicates nothing', async () => {
  const first = await seed(payload)
  expect(first.created.map((c) => c.email)).toEqual([
    'admin@byline.local',
    'editor@byline.local',
    'moderator@byline.local',
  ])
  const after = await counts()
  expect(after).toMatchObject({ users: 3, categories: 1, articles: 4, media: 4 })

  const second = await seed(payload)
  expect(second.created).toEqual([])
  expect(await counts()).toEqual(after)
})

it('the lead article has the seed page\'s sections and links to the North Korea story under "Read more"', async () => {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: LEAD_SLUG } },
    overrideAccess: false,
    depth: 1,
  })
  const lead = docs[0]
  expect(lead.title).toMatch(/I-Soon/)
  const headings = JSON.stringify(lead.content)
  for (const h of [
    'The Scope of the I-Soon Data Leak',
    'Implications for Cybersecurity and Diplomacy',
    'Addressing the Fallout',
  ])
    expect(headings).toContain(h)
  expect((lead.categories as { title: string }[]).map((c) => c.title)).toEqual(['Cyber Security'])
  const related = await findRelatedArticles(payload, lead)
  expect(related.map((r) => r.slug)).toEqual([NORTH_KOREA_SLUG])
  expect(related[0].title).toBe('How North Korea Steals Crypto')
})
