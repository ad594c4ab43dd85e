import type { Payload } from 'payload'

import { poolOf } from '@/lib/sql'
import { seed as demoSeed } from '../index'
import { type ArticleStub, insertArticles } from './articles'
import type { BulkOptions } from './args'
import { insertComments, spread } from './comments'
import { random } from './random'
import type { Db } from './sql'
import { ensureCategories, ensureWriters, findModerator, mediaIds } from './staff'

const MARKER = 'byline:bulk-seed'
const ARTICLE_BATCH = 500
const COMMENT_BATCH = 5000

type Marker = { nextIndex: number; runs: { at: string; articles: number; comments: number }[] }
type Progress = { articles: number; comments: number }
export type BulkResult = Progress & {
  created: { email: string; password: string }[]
  totalRuns: number
}

export class AlreadySeeded extends Error {}

type PoolWithConnect = { connect: () => Promise<Db & { release: () => void }> }

/**
 * Adds `articles` articles and `comments` comments with batched SQL, in one transaction (all or
 * nothing). A database bulk-seeded before is refused unless `append` is set; an empty one first
 * gets the demo content, so staff accounts exist.
 */
export async function bulkSeed(
  payload: Payload,
  options: BulkOptions,
  onProgress: (p: Progress) => void = () => {},
): Promise<BulkResult> {
  const pool = poolOf(payload) as unknown as PoolWithConnect & Db
  const previous = await readMarker(pool)
  if (previous && !options.append) {
    const totals = previous.runs.reduce((t, run) => ({ a: t.a + run.articles, c: t.c + run.comments }), { a: 0, c: 0 })
    throw new AlreadySeeded(
      `this database was bulk-seeded already (${totals.a} articles, ${totals.c} comments in ${previous.runs.length} run(s)); ` +
        'pass --append to add more, or use an empty database.',
    )
  }
  const { totalDocs: users } = await payload.count({ collection: 'users', overrideAccess: true })
  const created = users === 0 ? (await demoSeed(payload)).created : []
  const [categories, writers, moderator, media] = await Promise.all([
    ensureCategories(payload),
    ensureWriters(payload),
    findModerator(payload),
    mediaIds(payload),
  ])

  const r = random(options.seed + (previous?.runs.length ?? 0) * 7919)
  const now = new Date()
  const db = await pool.connect()
  const progress: Progress = { articles: 0, comments: 0 }
  try {
    await db.query('begin')
    const marker = (await readMarker(db, true)) ?? { nextIndex: 1, runs: [] }
    const stubs: ArticleStub[] = []
    for (let done = 0; done < options.articles; done += ARTICLE_BATCH) {
      const count = Math.min(ARTICLE_BATCH, options.articles - done)
      stubs.push(...(await insertArticles({ db, r, categories, writers, media, now }, marker.nextIndex + done, count)))
      progress.articles += count
      onProgress(progress)
    }
    const published = stubs.filter((s): s is ArticleStub & { publishedAt: Date } => s.publishedAt !== null)
    const counts = published.length ? spread(r, published.length, options.comments) : []
    const ctx = { db, r, moderator, now, firstCommenter: marker.nextIndex * 3 }
    for (let start = 0; start < published.length;) {
      let end = start
      let sum = 0
      while (end < published.length && (sum < COMMENT_BATCH || end === start)) sum += counts[end++]
      progress.comments += await insertComments(ctx, published.slice(start, end), counts.slice(start, end))
      onProgress(progress)
      start = end
    }
    marker.nextIndex += options.articles
    marker.runs.push({
      at: now.toISOString(),
      articles: progress.articles,
      comments: progress.comments,
    })
    await db.query(
      `insert into payload_kv (key, data) values ($1, $2::jsonb) on conflict (key) do update set data = excluded.data`,
      [MARKER, JSON.stringify(marker)],
    )
    await db.query('commit')
    await db.query('analyze articles, articles_rels, articles_texts, _articles_v, comments')
    return { ...progress, created, totalRuns: marker.runs.length }
  } catch (error) {
    await db.query('rollback').catch(() => {})
    throw error
  } finally {
    db.release()
  }
}

async function readMarker(db: Db, lock = false): Promise<Marker | null> {
  const { rows } = await db.query(`select data from payload_kv where key = $1${lock ? ' for update' : ''}`, [MARKER])
  return (rows[0]?.data as Marker | undefined) ?? null
}
