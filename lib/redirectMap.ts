import pg from 'pg'

/**
 * Old article slugs → current slugs, read straight from Postgres for the proxy (which runs before
 * Next's page cache, so the 301 costs no page render). Refreshed at most once a second per server
 * process: one small query per second under any load, and a renamed article's old address
 * answers 301 within about a second of the change.
 */
const REFRESH_MS = 1000

let pool: pg.Pool | null = null
let map = new Map<string, string>()
let loadedAt = 0
let loading: Promise<void> | null = null

const SQL = `
  select p.slug as old_slug, a.slug as new_slug
  from articles_previous_slugs p
  join articles a on a.id = p._parent_id
  where a._status = 'published' and a.published_at <= now()
    and not exists (select 1 from articles live where live.slug = p.slug and live._status = 'published')`

async function refresh() {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })
  const { rows } = await pool.query<{ old_slug: string; new_slug: string }>(SQL)
  map = new Map(rows.map((r) => [r.old_slug, r.new_slug]))
  loadedAt = Date.now()
}

export async function redirectFor(slug: string): Promise<string | undefined> {
  if (Date.now() - loadedAt > REFRESH_MS) {
    loading ??= refresh().finally(() => (loading = null))
    await loading.catch(() => undefined)
  }
  return map.get(slug)
}
