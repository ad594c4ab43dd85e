import type { Payload } from 'payload'

import { readPoolOf, publishedSql } from './sql'

/** Author links of published articles: who counts as an author anonymous readers may see. */
const publishedAuthorRels = () => `articles_rels r join articles a on a.id = r.parent_id
  where r.path = 'authors' and r.users_id is not null and ${publishedSql('a')}`

/**
 * Staff accounts that sign at least one published article: the only accounts anonymous readers
 * may see (their name, slug, bio and photo). One indexed query over the articles' author links.
 */
export async function publishedAuthorIds(client: Payload): Promise<number[]> {
  const { rows } = await readPoolOf(client).query<{ id: number }>(
    `select distinct r.users_id as id from ${publishedAuthorRels()}`,
  )
  return rows.map((r) => r.id)
}

/**
 * The page slugs of those of `ids` that are published authors, for a byline's links: bounded by
 * the byline's few ids, where listing every published author cost an uncached article page 20 ms
 * of database time at 10,000 articles.
 */
export async function publishedAuthorSlugs(client: Payload, ids: number[]): Promise<{ id: number; slug: string }[]> {
  if (ids.length === 0) return []
  const { rows } = await readPoolOf(client).query<{ id: number; slug: string }>(
    `select u.id, u.slug from users u
     where u.id = any($1::int[]) and u.slug is not null
       and exists (select 1 from ${publishedAuthorRels()} and r.users_id = u.id)`,
    [ids],
  )
  return rows
}
