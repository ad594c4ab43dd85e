import type { Payload } from 'payload'

import { readPoolOf } from '../sql'
import { findShownComment } from './queries'
import { loadSettings } from './settings'

// How many top-level threads come before the one holding the comment, in the article's order:
// walk up to its top-level ancestor (an approved comment without an approved parent, as
// lib/comments/queries.ts counts threads), then count the roots before that one. Bounded: one
// walk up one branch, one count over the article's roots by index.
const positionSql = (direction: 'asc' | 'desc') => `
with recursive up (id, parent_id, depth) as (
  select id, parent_id, 0 from comments where id = $2 and article_id = $1 and status = 'approved'
  union all
  select p.id, p.parent_id, u.depth + 1 from up u
  join comments p on p.id = u.parent_id and p.status = 'approved'
  where u.depth < 100
),
me as (
  select c.id, c.created_at from comments c where c.id = (select id from up order by depth desc limit 1)
),
roots as (
  select c.id, c.created_at from comments c
  left join comments p on p.id = c.parent_id and p.status = 'approved'
  where c.article_id = $1 and c.status = 'approved' and p.id is null
)
select (select count(*) from me) as found,
       (select count(*) from roots r, me
        where (r.created_at, r.id) ${direction === 'asc' ? '<' : '>'} (me.created_at, me.id))::int as before`

/**
 * Where an approved comment on a published article is shown: the article's address, the comment
 * page (threads are paginated by top-level thread, as CommentsSection does) and the anchor.
 * Null for any other comment. Read as an anonymous reader.
 */
export async function commentLocation(client: Payload, commentId: number): Promise<string | null> {
  const shown = await findShownComment(client, commentId)
  if (!shown) return null
  const { id: articleId, slug } = shown.article
  const settings = await loadSettings(client)
  const { rows } = await readPoolOf(client).query<{ found: string; before: number }>(
    positionSql(settings.order === 'newest' ? 'desc' : 'asc'),
    [articleId, commentId],
  )
  if (!rows[0] || Number(rows[0].found) === 0) return null
  const index = rows[0].before
  const page = Math.floor(index / settings.perPage) + 1
  const base = page === 1 ? `/articles/${slug}` : `/articles/${slug}/comment-page/${page}`
  return `${base}#comment-${commentId}`
}
