import { Forbidden, type Payload } from 'payload'

import { mayUseEditorDashboard } from '@/access/editorDashboard'
import { now as clockNow } from '@/lib/clock'
import { poolOf } from '@/lib/sql'
import type { User } from '@/payload-types'

/**
 * What an editor sees on the admin dashboard (components/admin/dashboard/EditorDashboard.tsx):
 * their own drafts, their scheduled articles and the latest comments on their articles. "Their"
 * means they are one of the article's authors. Reads go through the Local API as the editor
 * (overrideAccess: false); only the pending "Schedule publish" jobs are read with SQL, limited to
 * the editor's own articles, because Payload's jobs collection is not readable by editors.
 */
export const DASHBOARD_LIMIT = 10

export type DashboardArticle = { id: number; title: string; updatedAt: string }
export type ScheduledArticle = { id: number; title: string; at: string; kind: 'publish' | 'unpublish' | 'goes-live' }
export type DashboardComment = {
  id: number
  excerpt: string
  authorName: string
  status: string
  createdAt: string
  article: { id: number; title: string }
}
export type EditorDashboard = {
  drafts: DashboardArticle[]
  scheduled: ScheduledArticle[]
  comments: DashboardComment[]
}

type Options = { user: User; now?: Date; limit?: number }

const titleOf = (title: string | null | undefined) => title?.trim() || 'Untitled draft'

export async function editorDashboard(
  payload: Payload,
  { user, now = clockNow(), limit = DASHBOARD_LIMIT }: Options,
): Promise<EditorDashboard> {
  if (!mayUseEditorDashboard(user)) throw new Forbidden()
  const mine = { authors: { in: [user.id] } }
  const asEditor = { overrideAccess: false, user, depth: 0 } as const

  const [drafts, goesLive, jobs, comments] = await Promise.all([
    // With draft: true Payload reads each article's latest version: a published article with
    // unsaved-to-the-site changes is a draft here too.
    payload.find({
      collection: 'articles',
      ...asEditor,
      draft: true,
      where: { and: [mine, { _status: { equals: 'draft' } }] },
      sort: '-updatedAt',
      limit,
      select: { title: true, updatedAt: true },
    }),
    // Published with a future "published at": hidden from readers until then.
    payload.find({
      collection: 'articles',
      ...asEditor,
      where: {
        and: [mine, { _status: { equals: 'published' } }, { publishedAt: { greater_than: now.toISOString() } }],
      },
      sort: 'publishedAt',
      limit,
      select: { title: true, publishedAt: true },
    }),
    poolOf(payload).query<{ article_id: number; wait_until: Date; kind: string | null }>(
      `select (j.input->'doc'->>'value')::int as article_id, j.wait_until, j.input->>'type' as kind
       from payload_jobs j
       where j.task_slug = 'schedulePublish' and j.completed_at is null and j.wait_until is not null
         and j.input->'doc'->>'relationTo' = 'articles' and j.input->'doc'->>'value' ~ '^[0-9]{1,9}$'
         and exists (select 1 from articles_rels r
                     where r.parent_id = (j.input->'doc'->>'value')::int and r.path = 'authors' and r.users_id = $1)
       order by j.wait_until limit $2`,
      [user.id, limit],
    ),
    payload.find({
      collection: 'comments',
      overrideAccess: false,
      user,
      depth: 1,
      where: { 'article.authors': { in: [user.id] } },
      sort: '-createdAt',
      limit,
      select: { excerpt: true, authorName: true, status: true, createdAt: true, article: true },
      populate: { articles: { title: true } },
    }),
  ])

  // Titles of the scheduled jobs' articles, read as the editor (latest version: usually a draft).
  const jobIds = [...new Set(jobs.rows.map((j) => j.article_id))]
  const jobArticles = jobIds.length
    ? await payload.find({
        collection: 'articles',
        ...asEditor,
        draft: true,
        where: { id: { in: jobIds } },
        limit: jobIds.length,
        pagination: false,
        select: { title: true },
      })
    : { docs: [] }
  const titles = new Map(jobArticles.docs.map((a) => [a.id, titleOf(a.title)]))

  const scheduled: ScheduledArticle[] = [
    ...goesLive.docs.map((a) => ({
      id: a.id,
      title: titleOf(a.title),
      at: a.publishedAt as string,
      kind: 'goes-live' as const,
    })),
    ...jobs.rows
      .filter((j) => titles.has(j.article_id))
      .map((j) => ({
        id: j.article_id,
        title: titles.get(j.article_id) as string,
        at: j.wait_until.toISOString(),
        kind: j.kind === 'unpublish' ? ('unpublish' as const) : ('publish' as const),
      })),
  ]
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(0, limit)

  return {
    drafts: drafts.docs.map((a) => ({ id: a.id, title: titleOf(a.title), updatedAt: a.updatedAt })),
    scheduled,
    comments: comments.docs.flatMap((c) => {
      const article = c.article
      if (!article || typeof article !== 'object') return []
      return [
        {
          id: c.id,
          excerpt: c.excerpt || '',
          authorName: c.authorName || 'Anonymous',
          status: c.status,
          createdAt: c.createdAt,
          article: { id: article.id, title: titleOf(article.title) },
        },
      ]
    }),
  }
}
