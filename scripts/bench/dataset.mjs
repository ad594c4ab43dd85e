// The benchmark's database: its own embedded PostgreSQL (or BENCH_DATABASE_URL), bulk-seeded
// once, and the SQL the benchmark reads it with.
import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres } from '../../server/database.mjs'
import { onCleanup } from './processes.mjs'

export const BENCH_EMAIL = (runId, i) => `bench-${runId}-${i}@example.test`

/**
 * The database's URL, and the embedded server's data directory (null for BENCH_DATABASE_URL):
 * the launcher may have moved it out of `dataDir` where the postgres user cannot reach it.
 */
export async function openDatabase(options, dataDir) {
  if (options.databaseUrl) return { url: options.databaseUrl, postgresDir: null }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    persistent: !options.smoke,
  })
  onCleanup(server.stop)
  return { url: server.url, postgresDir: server.dataDir }
}

export async function sql(url, text, params = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows
  } finally {
    await client.end()
  }
}

/** The bulk-seed runs recorded in the database, or null when it was never bulk-seeded. */
export async function bulkRuns(url) {
  const rows = await sql(url, `select to_regclass('payload_kv') is not null as ok`)
  if (!rows[0].ok) return null
  const [marker] = await sql(url, `select data from payload_kv where key = 'byline:bulk-seed'`)
  return marker?.data.runs ?? null
}

export async function datasetSize(url) {
  const [row] = await sql(
    url,
    `select (select count(*) from articles)::int as articles, (select count(*) from comments)::int as comments,
            (select count(*) from articles where _status = 'published')::int as published`,
  )
  return row
}

/**
 * The article to measure: published, open for comments, with about as many approved comments
 * as the 90th percentile (a story people talk about), all on the first comment page.
 */
export async function pickArticle(url, slug) {
  const [row] = await sql(
    url,
    `with counts as (
       select a.id, a.slug, count(c.id) filter (where c.status = 'approved')::int as approved,
              count(c.id) filter (where c.status = 'approved' and c.parent_id is null)::int as threads
       from articles a left join comments c on c.article_id = a.id
       where a._status = 'published' and a.published_at <= now() and a.comments_open
       group by a.id),
     p90 as (select percentile_disc(0.9) within group (order by approved) as n from counts)
     select counts.* from counts, p90
     where ($1::text is null or slug = $1) and threads < 40
     order by abs(approved - p90.n), id limit 1`,
    [slug],
  )
  if (!row)
    throw new Error(
      slug ? `no published article with slug ${slug}` : 'no published article to measure',
    )
  return row
}

/** Leftovers of earlier runs (posted comments, flood counters) would skew this one. */
export async function clearBenchLeftovers(url) {
  await sql(url, `delete from comments where author_email like 'bench-%@example.test'`)
  await sql(url, `delete from comment_throttle`)
}

export async function countPosted(url, runId) {
  const [row] = await sql(
    url,
    `select count(*)::int as rows, count(distinct author_email)::int as senders from comments where author_email like $1`,
    [`bench-${runId}-%`],
  )
  return row
}

export async function pendingPosted(url, runId, articleId, limit) {
  const rows = await sql(
    url,
    `select id from comments where author_email like $1 and article_id = $2 and status = 'pending' order by id limit $3`,
    [`bench-${runId}-%`, articleId, limit],
  )
  return rows.map((r) => r.id)
}
