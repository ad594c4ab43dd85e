import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'
import { TAGS } from '@/lib/cacheTags'
import { lexical } from '@/lib/lexical'
import { onTagsExpired } from '@/lib/revalidate'
import { poolOf } from '@/lib/sql'
import { ctx } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { createStaff } from '../helpers/staff'

/**
 * Each kind of change expires exactly the cache tags of the pages that show it, through the real
 * collection hooks (tests run outside Next.js, so the tags are recorded, not applied).
 */
let payload: Payload
let stop: () => Promise<void>
let editor: User
let moderator: User
let expired: string[][]
let stopRecording: () => void

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  ;({ editor, moderator } = await createStaff(payload))
})
afterAll(() => stop?.())
beforeEach(() => {
  expired = []
  stopRecording = onTagsExpired((tags) => expired.push(tags))
})
afterEach(() => stopRecording())

const asEditor = () => ({ overrideAccess: false, user: editor }) as const
const sorted = () => expired.flat().sort()
const articleTags = (...slugs: string[]) => [TAGS.articles, TAGS.redirects, ...slugs.map(TAGS.article)].sort()

const publish = (slug: string) =>
  payload.create({
    collection: 'articles',
    data: { title: slug, slug, content: lexical([{ p: 'x' }]), _status: 'published' },
    ...asEditor(),
  }) as Promise<Article>

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const result = await fn()
  expired = []
  return result
}

describe('articles', () => {
  it('publishing expires the lists, the redirects and the article page', async () => {
    await publish('fresh-story')
    expect(sorted()).toEqual(articleTags('fresh-story'))
  })

  it('saving a draft of an unpublished article expires nothing', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Draft', slug: 'draft-only' },
      draft: true,
      ...asEditor(),
    })
    await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { title: 'Draft 2' },
      draft: true,
      ...asEditor(),
    })
    expect(expired).toEqual([])
  })

  it('a slug change expires the page under the old and the new address', async () => {
    const article = await quietly(() => publish('old-name'))
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: 'new-name' },
      ...asEditor(),
    })
    expect(sorted()).toEqual(articleTags('new-name', 'old-name'))
  })

  it('unpublishing expires its page and the lists', async () => {
    const article = await quietly(() => publish('going-away'))
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft' },
      ...asEditor(),
    })
    expect(sorted()).toEqual(articleTags('going-away'))
  })

  it('deleting expires its page, the lists and its comments', async () => {
    const article = await quietly(() => publish('deleted-story'))
    await quietly(() =>
      payload.create({
        collection: 'comments',
        data: { article: article.id, body: 'Shown', authorName: 'A', status: 'approved' },
        context: ctx,
      }),
    )
    await payload.delete({ collection: 'articles', id: article.id, ...asEditor() })
    expect(sorted()).toEqual([...articleTags('deleted-story'), TAGS.comments(article.id), TAGS.commentFeed].sort())
  })

  it('renaming a category expires its page under both slugs and the lists', async () => {
    const category = await quietly(() =>
      payload.create({
        collection: 'categories',
        data: { title: 'Old', slug: 'old-cat' },
        ...asEditor(),
      }),
    )
    await payload.update({
      collection: 'categories',
      id: category.id,
      data: { slug: 'new-cat' },
      ...asEditor(),
    })
    expect(sorted()).toEqual(
      [TAGS.articles, TAGS.categories, TAGS.category('new-cat'), TAGS.category('old-cat')].sort(),
    )
  })
})

describe('comments', () => {
  const asModerator = () => ({ overrideAccess: false, user: moderator }) as const
  const comment = async (status: 'pending' | 'approved') => {
    const article = await quietly(() => publish(`talk-${Math.random().toString(36).slice(2, 8)}`))
    const doc = await quietly(() =>
      payload.create({
        collection: 'comments',
        data: { article: article.id, body: 'Hi', authorName: 'A', status },
        context: ctx,
      }),
    )
    return { article, doc }
  }

  it('approving expires the comments of that article only', async () => {
    const { article, doc } = await comment('pending')
    await payload.update({
      collection: 'comments',
      id: doc.id,
      data: { status: 'approved' },
      ...asModerator(),
    })
    expect(expired).toEqual([[TAGS.comments(article.id), TAGS.commentFeed]])
  })

  it.each(['spam', 'trash'] as const)(
    'rejecting a shown comment (%s) expires the comments of that article',
    async (status) => {
      const { article, doc } = await comment('approved')
      await payload.update({
        collection: 'comments',
        id: doc.id,
        data: { status },
        ...asModerator(),
      })
      expect(expired).toEqual([[TAGS.comments(article.id), TAGS.commentFeed]])
    },
  )

  it('rejecting a comment nobody saw expires nothing', async () => {
    const { doc } = await comment('pending')
    await payload.update({
      collection: 'comments',
      id: doc.id,
      data: { status: 'spam' },
      ...asModerator(),
    })
    expect(expired).toEqual([])
  })

  it('deleting a shown comment expires the comments of that article', async () => {
    const { article, doc } = await comment('approved')
    await payload.delete({ collection: 'comments', id: doc.id, ...asModerator() })
    expect(expired).toEqual([[TAGS.comments(article.id), TAGS.commentFeed]])
  })
})

describe('expiries wait for the change to be committed (lib/database/afterCommit.ts)', () => {
  const title = (id: number) =>
    poolOf(payload)
      .query<{ title: string }>('select title from articles where id = $1', [id])
      .then((r) => r.rows[0]?.title)

  it('a reader who asks for the page as soon as its tags expire reads the change', async () => {
    const article = await quietly(() => publish(`after-commit-${Date.now().toString(36)}`))
    // What another instance does when it hears of the expiry: render the page from the database.
    const read: Promise<string | undefined>[] = []
    const stopReading = onTagsExpired(() => read.push(title(article.id)))
    try {
      await payload.update({
        collection: 'articles',
        id: article.id,
        data: { title: 'Committed title' },
        ...asEditor(),
      })
    } finally {
      stopReading()
    }
    expect(read.length).toBeGreaterThan(0)
    expect(await Promise.all(read)).toEqual(read.map(() => 'Committed title'))
  })

  it('inside a longer transaction, nothing expires until it commits; a rolled-back change expires nothing', async () => {
    const article = await quietly(() => publish(`in-transaction-${Date.now().toString(36)}`))
    const change = async (newTitle: string) => {
      const req = await createLocalReq({ user: editor }, payload)
      await initTransaction(req)
      await payload.update({
        collection: 'articles',
        id: article.id,
        data: { title: newTitle },
        req,
        overrideAccess: false,
        user: editor,
      })
      return req
    }

    const rolledBack = await change('Never committed')
    expect(expired).toEqual([])
    await killTransaction(rolledBack)
    expect(expired).toEqual([])
    expect(await title(article.id)).toBe(article.title)

    const committed = await change('Committed later')
    expect(expired).toEqual([])
    await commitTransaction(committed)
    expect(sorted()).toEqual(articleTags(article.slug!))
    expect(await title(article.id)).toBe('Committed later')
  })
})
