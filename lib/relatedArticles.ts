import type { Payload } from 'payload'

import type { Article } from '@/payload-types'
import { readPoolOf, publishedSql } from './sql'

/** A "Read more" link: the article, and its hero's 16:9 thumbnail when it has one. */
export type RelatedArticle = Pick<Article, 'id' | 'title' | 'slug'> & {
  thumbnail: { url: string; width: number; height: number; alt: string } | null
}

type Row = Pick<Article, 'id' | 'title' | 'slug'> & {
  alt: string | null
  filename: string | null
  width: number | null
  height: number | null
  thumb_filename: string | null
  thumb_width: number | null
  thumb_height: number | null
}

const fileUrl = (filename: string) => `/api/media/file/${encodeURIComponent(filename)}`

const toRelated = (r: Row): RelatedArticle => {
  const { id, title, slug } = r
  const file = r.thumb_filename ?? r.filename
  const width = Number(r.thumb_filename ? r.thumb_width : r.width)
  const height = Number(r.thumb_filename ? r.thumb_height : r.height)
  return {
    id,
    title,
    slug,
    thumbnail: file && width && height ? { url: fileUrl(file), width, height, alt: r.alt ?? '' } : null,
  }
}

// The article with its hero's thumbnail, in the same query (a Payload `find` would fetch the
// media in a second one).
const SELECT = `select a.id, a.title, a.slug, m.alt, m.filename, m.width, m.height,
  m.sizes_thumbnail_filename as thumb_filename, m.sizes_thumbnail_width as thumb_width,
  m.sizes_thumbnail_height as thumb_height
  from articles a left join media m on m.id = a.hero_image_id`

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
  const { rows } = await readPoolOf(client).query<Row>(
    `${SELECT}
     where ${publishedSql('a')} and a.id <> $1 and (
       exists (select 1 from articles_rels r
               where r.parent_id = a.id and r.path = 'categories' and r.categories_id = any($2::int[]))
       or exists (select 1 from articles_texts t
                  where t.parent_id = a.id and t.path = 'tags' and t.text = any($3::text[])))
     order by a.published_at desc, a.created_at desc
     limit $4`,
    [articleId, categoryIds, tags, limit],
  )
  return rows.map(toRelated)
}

/** Hand-picked related articles that readers may see, in the editor's order, with thumbnails. */
export async function pickedArticles(client: Payload, ids: number[]): Promise<RelatedArticle[]> {
  if (ids.length === 0) return []
  const { rows } = await readPoolOf(client).query<Row>(
    `${SELECT} where ${publishedSql('a')} and a.id = any($1::int[])`,
    [ids],
  )
  return ids.flatMap((id) => rows.filter((r) => r.id === id)).map(toRelated)
}
