import type { Payload } from 'payload'

import type { Discussion } from '@/payload-types'
import { lexical } from '@/lib/lexical'
import type { Submission } from '@/lib/comments/submit'

export const ctx = { disableRevalidate: true }

let n = 0
/** A distinct sender each call, so flood limits only bite where a test means them to. */
export function sender() {
  n += 1
  return { ip: `198.51.100.${n % 250}`, userAgent: `TestBrowser/${n}`, email: `reader${n}-${Date.now()}@example.test` }
}

export function comment(articleId: number, overrides: Partial<Submission> = {}): Submission {
  const s = sender()
  return {
    articleId,
    body: 'A thoughtful remark.',
    authorName: 'Reader',
    authorEmail: s.email,
    authorUrl: '',
    elapsedMs: 10_000,
    ...overrides,
  }
}

export async function setDiscussion(payload: Payload, data: Partial<Discussion>) {
  await payload.updateGlobal({ slug: 'discussion', data, context: ctx })
}

export async function publishedArticle(payload: Payload, data: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'articles',
    data: {
      title: `Story ${Math.random().toString(36).slice(2, 8)}`,
      content: lexical([{ p: 'x' }]),
      _status: 'published',
      ...data,
    },
    context: ctx,
  })
}

export async function clearThrottle(payload: Payload) {
  await (payload.db as unknown as { pool: { query: (s: string) => Promise<unknown> } }).pool.query(
    'delete from comment_throttle',
  )
}
