import { slugify } from './slugify'
import pg from 'pg'

import { quietPool } from './quietPool'
import { normaliseRedirectPath } from './redirectPath'
import { GLOBAL } from './sharedNames.mjs'
import { databaseUrl } from './env.mjs'

/**
 * The Redirects collection as a map for the proxy, read straight from Postgres (the proxy runs
 * before any page, so a redirect costs no render). The map is reloaded only when the table
 * changed: every few seconds one cheap query compares its row count and latest update; a change
 * made on this server expires it at once (expireRedirectMap, from the collections' hooks).
 */
const CHECK_MS = 5000

export type RedirectHit = { location: string; status: 301 | 302 }
type State = {
  pool: pg.Pool | null
  map: Map<string, RedirectHit>
  stamp: string
  checkedAt: number
  loading: Promise<void> | null
}

const state: State = ((globalThis as Record<symbol, State>)[GLOBAL.redirects] ??= {
  pool: null,
  map: new Map(),
  stamp: '',
  checkedAt: 0,
  loading: null,
})

export function expireRedirectMap() {
  state.checkedAt = 0
  state.stamp = ''
}

const db = () => (state.pool ??= quietPool(new pg.Pool({ connectionString: databaseUrl(), max: 2 })))

// Articles, pages and categories a redirect points to are joined here, so a renamed target
// keeps working; pages and categories changing also bump the stamp through their own tables.
const STAMP_SQL = `select (select count(*) from redirects)::text || ':' || coalesce((select max(updated_at) from redirects)::text, '')
  || ':' || coalesce((select max(updated_at) from pages)::text, '') || ':' || coalesce((select max(updated_at) from articles)::text, '')
  || ':' || coalesce((select max(updated_at) from categories)::text, '') as stamp`
const MAP_SQL = `
  select r."from", r.status_code, r.to_type, r.to_url, r.to_tag, a.slug as article, p.path as page, c.slug as category
  from redirects r
  left join articles a on a.id = r.to_article_id
  left join pages p on p.id = r.to_page_id
  left join categories c on c.id = r.to_category_id`

type Row = {
  from: string
  status_code: string
  to_type: string
  to_url: string | null
  to_tag: string | null
  article: string | null
  page: string | null
  category: string | null
}

export function targetOf(row: Omit<Row, 'from' | 'status_code'>): string | null {
  switch (row.to_type) {
    case 'article':
      return row.article ? `/articles/${row.article}` : null
    case 'page':
      return row.page
    case 'category':
      return row.category ? `/categories/${row.category}` : null
    case 'tag':
      return row.to_tag ? `/tags/${slugify(row.to_tag)}` : null
    default:
      return row.to_url || null
  }
}

async function refresh() {
  const { rows } = await db().query<{ stamp: string }>(STAMP_SQL)
  state.checkedAt = Date.now()
  if (rows[0].stamp === state.stamp) return
  const result = await db().query<Row>(MAP_SQL)
  const map = new Map<string, RedirectHit>()
  for (const row of result.rows) {
    const location = targetOf(row)
    if (location) map.set(row.from, { location, status: row.status_code === '302' ? 302 : 301 })
  }
  state.map = map
  state.stamp = rows[0].stamp
}

/** The redirect for a requested path and query, if any (exact query first, then the path alone). */
export async function findRedirect(pathname: string, search: string): Promise<RedirectHit | undefined> {
  try {
    if (Date.now() - state.checkedAt > CHECK_MS) {
      state.loading ??= refresh().finally(() => (state.loading = null))
      await state.loading
    }
  } catch {
    // Without the database, the page itself answers (a 404 at worst); never a 500 from here.
    return undefined
  }
  if (state.map.size === 0) return undefined
  const withQuery = search && search !== '?' ? state.map.get(normaliseRedirectPath(pathname + search)) : undefined
  const hit = withQuery ?? state.map.get(normaliseRedirectPath(pathname))
  if (!hit) return undefined
  // Never redirect an address to itself (a page imported at its old path).
  if (normaliseRedirectPath(hit.location) === normaliseRedirectPath(pathname + (withQuery ? search : '')))
    return undefined
  return hit
}
