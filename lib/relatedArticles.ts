import type { Payload } from 'payload'

import type { Article } from '@/payload-types'
import { poolOf, publishedSql } from './sql'

export type RelatedArticle = Pick<Article, 'id' | 'title' | 'slug'>

/**
 * The latest published articles (other than `articleId`) sharing a category or a tag, newest
 * first: one indexed query. Through Payload's `where` the same question is a join of three tables
 * then a DISTINCT over thousands of rows, in two queries.
 */
export async function latestSharing(
  client: Payload,
  articleId: number,
  categoryIds: number[],
  tags: string[],
  limit: number,
): Promise<RelatedArticle[]> {
  const { rows } = await poolOf(client).query<RelatedArticle>(
    `select a.id, a.title, a.slug from articles a
     where ${publishedSql('a')} and a.id <> $1 and (
       exists (select 1 from articles_rels r
               where r.parent_id = a.id and r.path = 'categories' and r.categories_id = any($2::int[]))
       or exists (select 1 from articles_texts t
                  where t.parent_id = a.id and t.path = 'tags' and t.text = any($3::text[])))
     order by a.published_at desc, a.created_at desc
     limit $4`,
    [articleId, categoryIds, tags, limit],
  )
  return rows
}
