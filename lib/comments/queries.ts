import type { Payload } from 'payload'
import { unstable_cache } from 'next/cache'

import { TAGS } from '../cacheTags'
import { parseId } from '../ids'
import { payload } from '../payload'
import { readPoolOf } from '../sql'
import { loadSettings } from './settings'
import { PUBLIC_COMMENT_FIELDS, type PublicComment, toPublicComment } from './publicComment'

/**
 * At most this many comments are read for one comment page (its top-level threads and every
 * reply under them): a thread with more replies shows its first ones.
 */
export const MAX_COMMENTS_PER_PAGE = 1000

export type CommentPage = {
  /** The page's top-level comments and their replies (all approved), oldest first. */
  comments: PublicComment[]
  /** All approved comments of the article (the "N COMMENTS" count). */
  total: number
  /** Top-level threads of the article: what pages are counted in. */
  threads: number
}

type Row = {
  threads: number
  total: number
  id: number | null
  body: string
  author_name: string | null
  by_staff: boolean | null
  author_url: string | null
  created_at: Date
  parent_id: number | null
}

// Top-level threads are approved comments without an approved parent (a reply whose parent was
// removed stands alone, as lib/comments/threads.ts shows it). The page's threads come by offset
// in the chosen order; their replies by a recursive walk down comments_parent_idx, breadth first,
// stopped at MAX_COMMENTS_PER_PAGE rows. Approved comments are public: this is
// access/commentsRead.ts for an anonymous reader, in SQL.
const pageSql = (direction: 'asc' | 'desc') => `
with recursive roots as materialized (
  select c.id, c.created_at from comments c
  left join comments p on p.id = c.parent_id and p.status = 'approved'
  where c.article_id = $1 and c.status = 'approved' and p.id is null
),
page as (
  select id from roots order by created_at ${direction}, id ${direction} limit $2 offset $3
),
tree (id, level) as (
  select id, 0 from page
  union all
  select c.id, t.level + 1 from tree t join comments c on c.parent_id = t.id
  where c.status = 'approved' and t.level < 100
),
counts as (
  select (select count(*) from roots)::int as threads,
         (select count(*) from comments where article_id = $1 and status = 'approved')::int as total
)
select counts.threads, counts.total, c.id, c.body, c.author_name, c.author_url, c.created_at, c.parent_id, c.by_staff
from counts
left join (select id from tree limit $4) t on true
left join comments c on c.id = t.id`

/**
 * One comment page of an article in one bounded query, whatever the number of comments: the
 * page's top-level threads and their replies, never every comment of the article.
 */
export async function findCommentPage(
  client: Payload,
  articleId: number,
  { page, perPage, order }: { page: number; perPage: number; order: 'oldest' | 'newest' },
): Promise<CommentPage> {
  const { rows } = await readPoolOf(client).query<Row>(pageSql(order === 'newest' ? 'desc' : 'asc'), [
    articleId,
    perPage,
    (page - 1) * perPage,
    MAX_COMMENTS_PER_PAGE,
  ])
  const comments = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      id: r.id as number,
      body: r.body,
      authorName: r.author_name,
      authorUrl: r.author_url,
      createdAt: new Date(r.created_at).toISOString(),
      status: 'approved' as const,
      parent: r.parent_id,
      byStaff: r.by_staff === true,
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
  return { comments, total: rows[0]?.total ?? 0, threads: rows[0]?.threads ?? 0 }
}

/** One approved comment of an article (the one a no-JavaScript reply page answers), or null. */
export async function findApprovedComment(
  client: Payload,
  articleId: number,
  id: number,
): Promise<PublicComment | null> {
  const { docs } = await client.find({
    collection: 'comments',
    overrideAccess: false,
    where: { id: { equals: id }, article: { equals: articleId }, status: { equals: 'approved' } },
    limit: 1,
    pagination: false,
    depth: 0,
    select: PUBLIC_COMMENT_FIELDS,
  })
  return docs[0] ? toPublicComment(docs[0]) : null
}

/**
 * An approved comment on a published article, with the article's id, title and slug, as an
 * anonymous reader sees them; null for any other id. What readers may link to, report or open
 * the report page of. Two indexed lookups.
 */
export async function findShownComment(
  client: Payload,
  id: number,
): Promise<{ comment: PublicComment; article: { id: number; title: string; slug: string } } | null> {
  if (parseId(id) === null) return null
  const { docs } = await client.find({
    collection: 'comments',
    overrideAccess: false,
    where: { id: { equals: id }, status: { equals: 'approved' } },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { ...PUBLIC_COMMENT_FIELDS, article: true },
  })
  const articleId = docs[0]?.article
  if (!docs[0] || typeof articleId !== 'number') return null
  const { docs: articles } = await client.find({
    collection: 'articles',
    overrideAccess: false,
    where: { id: { equals: articleId } },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { title: true, slug: true },
  })
  const article = articles[0]
  if (!article?.slug) return null
  return {
    comment: toPublicComment(docs[0]),
    article: { id: articleId, title: article.title ?? '', slug: article.slug },
  }
}

export const getCommentPage = (
  articleId: number,
  options: { page: number; perPage: number; order: 'oldest' | 'newest' },
) =>
  unstable_cache(
    async () => findCommentPage(await payload(), articleId, options),
    ['comment-page', String(articleId), String(options.page), String(options.perPage), options.order],
    { tags: [TAGS.comments(articleId), TAGS.allComments] },
  )()

export const getDiscussionSettings = () =>
  unstable_cache(async () => loadSettings(await payload()), ['discussion-settings'], { tags: [TAGS.discussion] })()
