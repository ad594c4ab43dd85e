import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'
import { findCommentPage } from '@/lib/comments/queries'
import { loadSettings } from '@/lib/comments/settings'
import { lexical } from '@/lib/lexical'
import { findArticleBySlug, findRelatedArticles } from '@/lib/queries'
import { poolOf } from '@/lib/sql'
import { ctx, publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { sqlOf } from '../helpers/sql'

/**
 * What an article page costs the database when nothing is cached: the same loaders ArticleView
 * and CommentsSection call (through Next's cache there), counted at the driver.
 */
const MAX_QUERIES = 6

let payload: Payload
let stop: () => Promise<void>
let image: number
let categories: number[]
beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  image = (
    await payload.create({
      collection: 'media',
      data: { alt: 'A pixel' },
      file: { data: png, mimetype: 'image/png', name: 'pixel.png', size: png.length },
      context: ctx,
    })
  ).id
  categories = await Promise.all(
    ['World', 'Science'].map(
      async (title) => (await payload.create({ collection: 'categories', data: { title }, context: ctx })).id,
    ),
  )
  for (let i = 0; i < 5; i++) await publishedArticle(payload, { categories: [categories[i % 2]], tags: ['space'] })
})
afterAll(() => stop?.())

async function loadArticlePage(slug: string) {
  const article = await findArticleBySlug(payload, slug)
  if (!article) throw new Error(`no article ${slug}`)
  const [related, comments, settings] = await Promise.all([
    findRelatedArticles(payload, article),
    findCommentPage(payload, article.id, { page: 1, perPage: 50, order: 'oldest' }),
    loadSettings(payload),
  ])
  return { article, related, comments, settings }
}

/** `count` comments in every status (written with SQL, for speed), a third of the approved ones replies. */
async function addComments(article: Article, count: number) {
  const rows = await poolOf(payload).query<{ id: number; status: string }>(
    `insert into comments (article_id, body, excerpt, author_name, status)
     select $1, 'Comment ' || i, 'Comment ' || i, 'Reader ' || i,
            (array['approved', 'approved', 'pending', 'spam', 'trash'])[1 + i % 5]::enum_comments_status
     from generate_series(1, $2::int) i
     returning id, status::text`,
    [article.id, count],
  )
  const approved = rows.rows.filter((r) => r.status === 'approved').map((r) => r.id)
  if (approved.length > 1) {
    await poolOf(payload).query(`update comments set parent_id = $1 where id = any($2::int[])`, [
      approved[0],
      approved.filter((id, i) => i > 0 && i % 3 === 0),
    ])
  }
  return approved.length
}

const story = (data: Partial<Article> = {}) =>
  publishedArticle(payload, {
    heroImage: image,
    categories,
    tags: ['space', 'physics'],
    content: lexical([{ p: 'Lede.' }, { h2: 'Section' }, { p: 'Body.' }]),
    ...data,
  }) as Promise<Article>

describe('an article page loads with a bounded number of SQL queries', () => {
  it.each([0, 12, 400])('with %i comments (related articles by category and tag)', async (n) => {
    const article = await story()
    const approved = await addComments(article, n)
    const { result, sql } = await sqlOf(() => loadArticlePage(article.slug!))
    expect(result.comments.total).toBe(approved)
    expect(result.related).toHaveLength(3)
    expect(result.article.heroImage).toMatchObject({ id: image })
    // At least the article and its comments: a counter that saw nothing would pass the bound.
    expect(sql.length).toBeGreaterThanOrEqual(2)
    expect(sql.length, sql.join('\n\n')).toBeLessThanOrEqual(MAX_QUERIES)
  })

  it('costs the same whatever the number of comments, and with hand-picked related articles', async () => {
    const counts: number[] = []
    for (const n of [0, 40]) {
      const picks = (await payload.find({ collection: 'articles', limit: 2, depth: 0 })).docs.map((d) => d.id)
      const article = await story({ relatedArticles: picks })
      await addComments(article, n)
      const { result, sql } = await sqlOf(() => loadArticlePage(article.slug!))
      expect(result.related.map((r) => r.id)).toEqual(picks)
      counts.push(sql.length)
    }
    expect(counts[0]).toBeGreaterThanOrEqual(2)
    expect(counts[0]).toBe(counts[1])
    expect(counts[0]).toBeLessThanOrEqual(MAX_QUERIES)
  })
})

describe('the migrations index the paths pages read', () => {
  it('articles by slug, by status and date, by category; comments by article, status and date, and by parent', async () => {
    const { rows } = await poolOf(payload).query(
      `select indexdef from pg_indexes where schemaname = 'public' and tablename in ('articles', 'articles_rels', 'comments')`,
    )
    const defs = (rows as { indexdef: string }[]).map((r) => r.indexdef)
    for (const wanted of [
      /UNIQUE INDEX \S+ ON public\.articles USING btree \(slug\)/,
      /ON public\.articles USING btree \(_status, published_at DESC\)/,
      /ON public\.articles_rels USING btree \(categories_id, path, parent_id\)/,
      /ON public\.comments USING btree \(article_id, status, created_at\)/,
      /ON public\.comments USING btree \(parent_id\)/,
    ]) {
      expect(
        defs.some((d) => wanted.test(d)),
        String(wanted),
      ).toBe(true)
    }
  })
})
