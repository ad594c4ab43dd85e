import type { Payload } from 'payload'

import { poolOf, publishedSql } from './sql'

/**
 * Staff accounts that sign at least one published article: the only accounts anonymous readers
 * may see (their name, slug, bio and photo). One indexed query over the articles' author links.
 */
export async function publishedAuthorIds(client: Payload): Promise<number[]> {
  const { rows } = await poolOf(client).query<{ id: number }>(
    `select distinct r.users_id as id from articles_rels r join articles a on a.id = r.parent_id
     where r.path = 'authors' and r.users_id is not null and ${publishedSql('a')}`,
  )
  return rows.map((r) => r.id)
}
