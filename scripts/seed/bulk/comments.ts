import { hashKey, truncateIp } from '@/lib/comments/identity'
import type { ArticleStub } from './articles'
import type { Random } from './random'
import { allocateIds, type Db, insertRows } from './sql'
import { commentBody, commenter, excerptOf } from './text'
import { USER_AGENTS } from './words'

const COMMENT = {
  id: 'int',
  excerpt: 'varchar',
  article_id: 'int',
  parent_id: 'int',
  body: 'varchar',
  author_name: 'varchar',
  author_email: 'varchar',
  author_url: 'varchar',
  status: 'enum_comments_status',
  verdict: 'jsonb',
  ip: 'varchar',
  ip_hash: 'varchar',
  user_agent: 'varchar',
  notify: 'bool',
  moderated_by_id: 'int',
  moderated_at: 'timestamptz',
  updated_at: 'timestamptz',
  created_at: 'timestamptz',
}

const HELD = {
  score: 5,
  hits: [{ rule: 'manualApproval', weight: 5, reason: 'Comments must be manually approved.' }],
}
const SPAM = {
  score: 110,
  hits: [
    {
      rule: 'honeypot',
      weight: 100,
      reason: 'The hidden field that only bots fill in was filled in.',
    },
    { rule: 'links', weight: 10, reason: 'Contains 2 links (hold at 2 or more).' },
  ],
}

/** How many comments each article gets: log-normal, so a few stories draw most of the discussion. */
export function spread(r: Random, articles: number, total: number): number[] {
  const weights = Array.from({ length: articles }, () => r.weight())
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = weights.map((w) => Math.floor((w / sum) * total))
  for (let left = total - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) counts[i % articles] += 1
  return counts
}

type Status = 'approved' | 'pending' | 'spam' | 'trash'
const status = (r: Random): Status => {
  const x = r.next()
  return x < 0.7 ? 'approved' : x < 0.82 ? 'pending' : x < 0.95 ? 'spam' : 'trash'
}

export type CommentContext = {
  db: Db
  r: Random
  moderator: number | null
  now: Date
  firstCommenter: number
}

/**
 * One article's comments in time order, as the comment form and moderation would have left them:
 * replies only to earlier approved comments of the same article, spam never threaded.
 */
function threadFor(ctx: CommentContext, article: ArticleStub & { publishedAt: Date }, count: number, ids: number[]) {
  const { r, now } = ctx
  const span = Math.max(60_000, Math.min(now.getTime() - article.publishedAt.getTime(), 30 * 86_400_000))
  const offsets = Array.from({ length: count }, () => r.next() ** 3 * span).sort((a, b) => a - b)
  const approved: number[] = []
  return offsets.map((offset, k) => {
    const id = ids[k]
    const s = status(r)
    const person = commenter(r, ctx.firstCommenter + r.int(0, 20_000))
    const ip = `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`
    const createdAt = new Date(article.publishedAt.getTime() + offset)
    const moderated = s === 'approved' || s === 'trash' || (s === 'spam' && r.chance(0.3))
    const moderatedAt = moderated
      ? new Date(Math.min(now.getTime(), createdAt.getTime() + r.int(600, 43_200) * 1000))
      : null
    const parent =
      s !== 'spam' && approved.length && r.chance(0.35)
        ? approved[Math.max(0, approved.length - 1 - r.int(0, 5))]
        : null
    if (s === 'approved') approved.push(id)
    const body = commentBody(r, s === 'spam')
    return {
      id,
      excerpt: excerptOf(body),
      article_id: article.id,
      parent_id: parent,
      body,
      author_name: person.name,
      author_email: person.email,
      author_url: person.url,
      status: s,
      verdict: JSON.stringify(s === 'spam' ? SPAM : HELD),
      ip: truncateIp(ip),
      ip_hash: hashKey('ip', ip),
      user_agent: r.pick(USER_AGENTS),
      notify: r.chance(0.05),
      moderated_by_id: moderated ? ctx.moderator : null,
      moderated_at: moderatedAt?.toISOString() ?? null,
      updated_at: (moderatedAt ?? createdAt).toISOString(),
      created_at: createdAt.toISOString(),
    }
  })
}

/** Inserts the comments of a run of articles (counts[i] for articles[i]) in one statement. */
export async function insertComments(
  ctx: CommentContext,
  articles: (ArticleStub & { publishedAt: Date })[],
  counts: number[],
) {
  const total = counts.reduce((a, b) => a + b, 0)
  const ids = await allocateIds(ctx.db, 'comments', total)
  const rows: Record<string, unknown>[] = []
  let at = 0
  articles.forEach((article, i) => {
    rows.push(...threadFor(ctx, article, counts[i], ids.slice(at, at + counts[i])))
    at += counts[i]
  })
  await insertRows(ctx.db, 'comments', COMMENT, rows)
  return rows.length
}
