import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'
import { lexical } from '@/lib/lexical'
import { findRedirectTarget, findRelatedArticles } from '@/lib/queries'
import { startPayload } from '../helpers/payload'
import { createStaff } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
let editor: User
const ctx = { disableRevalidate: true }

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  ;({ editor } = await createStaff(payload))
})
afterAll(() => stop?.())

const publish = (data: Partial<Article> & { title: string }) =>
  payload.create({
    collection: 'articles',
    data: { content: lexical([{ p: 'Text' }]), _status: 'published', ...data },
    overrideAccess: false,
    user: editor,
    context: ctx,
  })

const anonymousCanSee = async (id: number) =>
  (await payload.find({ collection: 'articles', overrideAccess: false, where: { id: { equals: id } } })).totalDocs === 1

describe('slugs', () => {
  it.each([
    ['made from the title', { title: 'Hello, World: A Test!' }, 'hello-world-a-test'],
    ['accents and symbols made URL-safe', { title: 'Crème brûlée & café' }, 'creme-brulee-and-cafe'],
    ['a typed slug is normalised', { title: 'Whatever', slug: '  My Custom Slug ' }, 'my-custom-slug'],
    [
      'other scripts spelled in Latin letters',
      { title: 'Привет, мир: Straße nach Αθήνα' },
      'privet-mir-strasse-nach-athina',
    ],
  ])('%s', async (_name, data, expected) => {
    expect((await publish(data)).slug).toBe(expected)
  })

  it('refuses a slug that another article has, with a clear message and nothing saved', async () => {
    await publish({ title: 'Original', slug: 'taken-slug' })
    const before = await payload.count({ collection: 'articles' })
    await expect(publish({ title: 'Copycat', slug: 'taken-slug' })).rejects.toThrow(/slug/i)
    await expect(publish({ title: 'Copycat', slug: 'taken-slug' })).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'slug', message: expect.stringContaining('already used') })] },
    })
    expect(await payload.count({ collection: 'articles' })).toEqual(before)
  })

  it('refuses a missing title with a message naming the field', async () => {
    await expect(publish({ title: '' })).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'title' })] },
    })
  })

  it('remembers the old slug of a published article, which then points to the new one', async () => {
    const article = await publish({ title: 'Renamed story', slug: 'old-address' })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: 'new-address' },
      overrideAccess: false,
      user: editor,
      context: ctx,
    })
    expect(await findRedirectTarget(payload, 'old-address')).toBe('new-address')
    // Renaming twice keeps every earlier address pointing at the current one.
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: 'newest-address' },
      overrideAccess: false,
      user: editor,
      context: ctx,
    })
    expect(await findRedirectTarget(payload, 'old-address')).toBe('newest-address')
    expect(await findRedirectTarget(payload, 'new-address')).toBe('newest-address')
    expect(await findRedirectTarget(payload, 'never-existed')).toBeNull()
  })

  it('does not redirect to an article that is no longer published', async () => {
    const article = await publish({ title: 'Gone soon', slug: 'gone-old' })
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'gone-new' }, context: ctx })
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' }, context: ctx })
    expect(await findRedirectTarget(payload, 'gone-old')).toBeNull()
  })
})

describe('related articles ("Read more")', () => {
  it('prefers the hand-picked ones, else the latest sharing a category or tag', async () => {
    const politics = await payload.create({ collection: 'categories', data: { title: 'Politics' }, context: ctx })
    const sport = await payload.create({ collection: 'categories', data: { title: 'Sport' }, context: ctx })
    const older = await publish({
      title: 'Older politics',
      categories: [politics.id],
      publishedAt: '2026-01-01T00:00:00Z',
    })
    const newer = await publish({
      title: 'Newer politics',
      categories: [politics.id],
      publishedAt: '2026-02-01T00:00:00Z',
    })
    const tagged = await publish({
      title: 'Tagged sport',
      categories: [sport.id],
      tags: ['elections'],
      publishedAt: '2026-01-15T00:00:00Z',
    })
    await publish({ title: 'Unrelated sport', categories: [sport.id], publishedAt: '2026-03-01T00:00:00Z' })
    const hidden = await payload.create({
      collection: 'articles',
      data: { title: 'Draft politics', categories: [politics.id], _status: 'draft' },
      draft: true,
      context: ctx,
    })

    const subject = await publish({ title: 'Subject', categories: [politics.id], tags: ['elections'] })
    const fallback = await findRelatedArticles(payload, subject)
    expect(fallback.map((a) => a.title)).toEqual(['Newer politics', 'Tagged sport', 'Older politics'])
    expect(fallback.map((a) => a.id)).not.toContain(hidden.id)
    expect(fallback.map((a) => a.id)).not.toContain(subject.id)

    const picked = await publish({ title: 'Picked', categories: [politics.id], relatedArticles: [tagged.id, older.id] })
    const withPicks = await payload.findByID({ collection: 'articles', id: picked.id, depth: 1, overrideAccess: false })
    expect((await findRelatedArticles(payload, withPicks)).map((a) => a.title)).toEqual([
      'Tagged sport',
      'Older politics',
    ])
    expect(fallback[0].id).toBe(newer.id)
  })

  it('refuses an article that lists itself, or more than six', async () => {
    const a = await publish({ title: 'Self-referential' })
    await expect(
      payload.update({ collection: 'articles', id: a.id, data: { relatedArticles: [a.id] }, context: ctx }),
    ).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ message: expect.stringContaining('cannot link to itself') })] },
    })
    const many = await Promise.all(Array.from({ length: 7 }, (_, i) => publish({ title: `Many ${i}` })))
    await expect(
      payload.update({
        collection: 'articles',
        id: a.id,
        data: { relatedArticles: many.map((m) => m.id) },
        context: ctx,
      }),
    ).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'relatedArticles' })] },
    })
  })
})

describe('scheduled publishing', () => {
  it('keeps a future publishedAt hidden, then a job makes it visible when its time comes', async () => {
    const at = new Date(Date.now() + 1500)
    const article = await publish({ title: 'Embargoed', publishedAt: at.toISOString() })
    expect(await anonymousCanSee(article.id)).toBe(false)
    const queued = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'revalidateArticle' } },
    })
    expect(queued.docs.map((j) => (j.input as { articleId: number }).articleId)).toContain(article.id)

    await payload.jobs.run() // nothing is due yet
    expect((await payload.findByID({ collection: 'payload-jobs', id: queued.docs[0].id })).completedAt).toBeFalsy()

    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 100))
    expect(await anonymousCanSee(article.id)).toBe(true)
    const { jobStatus } = await payload.jobs.run()
    expect(jobStatus?.[queued.docs[0].id]).toMatchObject({ status: 'success' })
  })

  it("publishes a draft through Payload's schedulePublish job, as the admin's Schedule button does", async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Scheduled draft', content: lexical([{ p: 'x' }]) },
      draft: true,
      context: ctx,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: draft.id },
        user: { relationTo: 'users', value: editor.id },
      },
      waitUntil: new Date(Date.now() + 800),
    })
    await payload.jobs.run()
    expect(await anonymousCanSee(draft.id)).toBe(false)
    await new Promise((r) => setTimeout(r, 1000))
    await payload.jobs.run()
    expect(await anonymousCanSee(draft.id)).toBe(true)
  })
})

describe('media', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  it('requires alt text', async () => {
    await expect(
      payload.create({
        collection: 'media',
        data: {} as never,
        file: { data: png, mimetype: 'image/png', name: 'x.png', size: png.length },
      }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'alt' })] } })
  })
  it('refuses SVG, which could run script', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    await expect(
      payload.create({
        collection: 'media',
        data: { alt: 'evil' },
        file: { data: svg, mimetype: 'image/svg+xml', name: 'x.svg', size: svg.length },
      }),
    ).rejects.toThrow('The following field is invalid: file')
    expect((await payload.find({ collection: 'media', where: { alt: { equals: 'evil' } } })).totalDocs).toBe(0)
  })
})
