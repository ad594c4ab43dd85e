import { liveArticleId, proxyDb } from './renamedSlugs'

/**
 * Whether an address under /articles names something that exists, checked by the proxy before
 * Next renders (and caches) a page for it. Every slug, comment page number or reply id anyone
 * invents would otherwise be rendered and written to Next's cache (issue #11, F11); the proxy
 * answers those 404 itself.
 */

// Top-level threads as lib/comments/queries.ts counts them; the page exists when its first
// thread does. The scan stops at that thread (offset, then limit 1).
const PAGE_EXISTS = `
select 1 from comments c
left join comments p on p.id = c.parent_id and p.status = 'approved'
where c.article_id = $1 and c.status = 'approved' and p.id is null
order by c.created_at, c.id
offset (greatest(1, coalesce((select per_page from discussion limit 1), 50))::int * ($2::int - 1)) limit 1`

const REPLY_TARGET = `select 1 from comments where id = $1 and article_id = $2 and status = 'approved'`

const exists = async (sql: string, params: unknown[]) => ((await proxyDb().query(sql, params)).rowCount ?? 0) > 0

const positiveInt = (value: string | undefined) => (value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null)

/**
 * `parts`: the decoded path after /articles/ split on "/". True when the page may be rendered:
 * a live article, and a comment page (2 or more) that has threads or a reply to an approved
 * comment of that article. Other subpaths are left to their routes.
 */
export async function articlePathExists(parts: string[]): Promise<boolean> {
  const [slug, kind, value, ...more] = parts
  const articleId = await liveArticleId(slug)
  if (articleId === null) return false
  if (kind === 'comment-page') {
    const n = positiveInt(value)
    return more.length === 0 && n !== null && n >= 2 && exists(PAGE_EXISTS, [articleId, n])
  }
  if (kind === 'reply') {
    const id = positiveInt(value)
    return more.length === 0 && id !== null && exists(REPLY_TARGET, [id, articleId])
  }
  return true
}
