import pg from 'pg'

import { quietPool } from './quietPool'
import { publishedSql } from './sql'
import { GLOBAL } from './sharedNames.mjs'
import { databaseUrl } from './env.mjs'

/**
 * Old article slugs → current slugs, read straight from Postgres for the proxy, which runs
 * before Next's page cache, so the 301 costs no page render. The proxy keeps two lists, reloaded
 * every few seconds: renamed slugs and live slugs. A live slug needs no query; an unknown one
 * (just renamed, or a 404) is looked up on its own, so a rename answers 301 at once.
 */
const RELOAD_MS = 5000

type State = {
  pool: pg.Pool | null
  renamed: Map<string, string>
  live: Map<string, number>
  loadedAt: number
  loading: Promise<void> | null
}

// On globalThis: the proxy and the article hooks are bundled apart but share one process, so a
// rename made on this server expires the lists at once (other servers reload within RELOAD_MS).
const state: State = ((globalThis as Record<symbol, State>)[GLOBAL.renamedSlugs] ??= {
  pool: null,
  renamed: new Map(),
  live: new Map(),
  loadedAt: 0,
  loading: null,
})

export function expireRedirects() {
  state.loadedAt = 0
}

const renamedSql = () => `
  select p.slug as old_slug, a.slug as new_slug
  from articles_previous_slugs p join articles a on a.id = p._parent_id
  where ${publishedSql('a')}
    and not exists (select 1 from articles l where l.slug = p.slug and l._status = 'published')`

const db = () => (state.pool ??= quietPool(new pg.Pool({ connectionString: databaseUrl(), max: 2 })))

async function reload() {
  const [r, l] = await Promise.all([
    db().query<{ old_slug: string; new_slug: string }>(renamedSql()),
    db().query<{ id: number; slug: string }>(
      `select a.id, a.slug from articles a where ${publishedSql('a')} and a.slug is not null`,
    ),
  ])
  state.renamed = new Map(r.rows.map((row) => [row.old_slug, row.new_slug]))
  state.live = new Map(l.rows.map((row) => [row.slug, row.id]))
  state.loadedAt = Date.now()
}

async function lookup(slug: string): Promise<string | undefined> {
  const { rows } = await db().query<{ new_slug: string }>(`${renamedSql()} and p.slug = $1 limit 1`, [slug])
  return rows[0]?.new_slug
}

async function fresh() {
  if (Date.now() - state.loadedAt > RELOAD_MS) {
    state.loading ??= reload().finally(() => (state.loading = null))
    await state.loading
  }
}

/** The database the proxy checks addresses against (lib/pathCheck.ts). */
export const proxyDb = () => db()

/**
 * The id of the published article with this slug, or null: from the list, else (published a
 * moment ago) one indexed query. Throws when the database cannot be asked.
 */
export async function liveArticleId(slug: string): Promise<number | null> {
  await fresh()
  const known = state.live.get(slug)
  if (known !== undefined) return known
  const { rows } = await db().query<{ id: number }>(
    `select a.id from articles a where ${publishedSql('a')} and a.slug = $1 limit 1`,
    [slug],
  )
  return rows[0]?.id ?? null
}

export async function redirectFor(slug: string): Promise<string | undefined> {
  try {
    await fresh()
    if (state.renamed.has(slug)) return state.renamed.get(slug)
    if (state.live.has(slug)) return undefined
    return await lookup(slug)
  } catch {
    // The page itself still answers (and redirects with 308) if the database hiccups here.
    return undefined
  }
}
