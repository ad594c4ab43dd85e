import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Discussion } from '@/payload-types'
import { MESSAGES } from '@/lib/comments/messages'
import { submitComment, type Submission } from '@/lib/comments/submit'
import { clearThrottle, comment, ctx, publishedArticle, sender, setDiscussion } from '../helpers/comments'
import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>
let articleId: number

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  articleId = (await publishedArticle(payload)).id
})
afterAll(() => stop?.())
beforeEach(async () => {
  await setDiscussion(payload, {
    manualApproval: true,
    trustApprovedAuthors: true,
    holdLinkCount: 2,
    moderationWords: '',
    disallowedWords: '',
    requireNameEmail: true,
    commentsEnabled: true,
    closeAfterDays: 0,
    minSecondsToSubmit: 3,
    perIpPerHour: 20,
  })
  await clearThrottle(payload)
})

const submit = (over: Partial<Submission> = {}, meta = sender()) =>
  submitComment(payload, comment(articleId, over), meta)
const countAll = () => payload.count({ collection: 'comments' }).then((r) => r.totalDocs)

type RefusalCase = [name: string, input: Partial<Submission>, field: string | null, message: string]
const refusals: RefusalCase[] = [
  ['empty comment', { body: '   ' }, 'body', MESSAGES.emptyBody],
  ['empty name', { authorName: '' }, 'authorName', MESSAGES.emptyName],
  ['malformed email', { authorEmail: 'not-an-email' }, 'authorEmail', MESSAGES.badEmail],
  ['email without a domain dot', { authorEmail: 'a@b' }, 'authorEmail', MESSAGES.badEmail],
  ['empty email', { authorEmail: '' }, 'authorEmail', MESSAGES.badEmail],
  [
    'body over 5,000 characters',
    { body: 'x'.repeat(5001) },
    'body',
    'The comment is too long: at most 5,000 characters.',
  ],
  [
    'name over 245 characters',
    { authorName: 'n'.repeat(246) },
    'authorName',
    'The name is too long: at most 245 characters.',
  ],
  [
    'email over 100 characters',
    { authorEmail: `${'e'.repeat(95)}@example.test` },
    'authorEmail',
    'The email is too long: at most 100 characters.',
  ],
  [
    'URL over 200 characters',
    { authorUrl: `https://example.test/${'u'.repeat(190)}` },
    'authorUrl',
    'The website is too long: at most 200 characters.',
  ],
  ['javascript: URL', { authorUrl: 'javascript:alert(1)' }, 'authorUrl', MESSAGES.badUrl],
  ['ftp URL', { authorUrl: 'ftp://example.test/' }, 'authorUrl', MESSAGES.badUrl],
  ['data: URL', { authorUrl: 'data:text/html,<script>alert(1)</script>' }, 'authorUrl', MESSAGES.badUrl],
]

describe('bad input is refused with the message, and nothing is stored', () => {
  it.each(refusals)('%s', async (_name, input, field, message) => {
    const before = await countAll()
    const result = await submit(input)
    expect(result).toMatchObject({ ok: false, errors: [{ field, message }] })
    expect(await countAll()).toBe(before)
  })
})

describe('article and thread refusals', () => {
  it.each([
    ['an article that does not exist', async () => ({ articleId: 999_999 }), MESSAGES.noArticle],
    [
      'an unpublished article',
      async () => ({
        articleId: (
          await payload.create({ collection: 'articles', data: { title: 'Draft' }, draft: true, context: ctx })
        ).id,
      }),
      MESSAGES.noArticle,
    ],
    [
      'an article scheduled for later',
      async () => ({
        articleId: (await publishedArticle(payload, { publishedAt: new Date(Date.now() + 86_400_000).toISOString() }))
          .id,
      }),
      MESSAGES.noArticle,
    ],
    [
      'an article with comments closed',
      async () => ({ articleId: (await publishedArticle(payload, { commentsOpen: false })).id }),
      MESSAGES.closed,
    ],
    [
      'an article older than the auto-close age',
      async () => {
        await setDiscussion(payload, { closeAfterDays: 14 })
        return { articleId: (await publishedArticle(payload, { publishedAt: '2020-01-01T00:00:00Z' })).id }
      },
      MESSAGES.closed,
    ],
    [
      'comments disabled site-wide',
      async () => {
        await setDiscussion(payload, { commentsEnabled: false })
        return {}
      },
      MESSAGES.disabled,
    ],
    ['a reply to a comment that does not exist', async () => ({ parentId: 999_999 }), MESSAGES.badParent],
    [
      'a reply to a pending comment',
      async () => {
        const r = await submit()
        return { parentId: r.ok ? r.comment.id : 0 }
      },
      MESSAGES.badParent,
    ],
    [
      'a reply to an approved comment on another article',
      async () => {
        const other = await publishedArticle(payload)
        const c = await payload.create({
          collection: 'comments',
          data: { article: other.id, body: 'elsewhere', authorName: 'X', status: 'approved' },
          context: ctx,
        })
        return { parentId: c.id }
      },
      MESSAGES.badParent,
    ],
  ] as [string, () => Promise<Partial<Submission>>, string][])('%s', async (_name, setup, message) => {
    const over = await setup()
    const before = await countAll()
    expect(await submit(over)).toMatchObject({ ok: false, message })
    expect(await countAll()).toBe(before)
  })
})

describe('abuse limits', () => {
  it('refuses a duplicate (same article, email and body)', async () => {
    const first = comment(articleId, { body: 'Exactly this.' })
    expect((await submitComment(payload, first, sender())).ok).toBe(true)
    const before = await countAll()
    expect(await submitComment(payload, first, sender())).toMatchObject({ ok: false, message: MESSAGES.duplicate })
    expect(await countAll()).toBe(before)
  })

  it('refuses a second comment from the same address within 15 s', async () => {
    const meta = sender()
    expect((await submit({}, meta)).ok).toBe(true)
    expect(await submit({ body: 'Another thought' }, meta)).toMatchObject({ ok: false, message: MESSAGES.flood })
  })

  it('refuses a second comment from the same email within 15 s, from another address', async () => {
    const email = sender().email
    expect((await submit({ authorEmail: email })).ok).toBe(true)
    expect(await submit({ authorEmail: email, body: 'Different words' })).toMatchObject({
      ok: false,
      message: MESSAGES.flood,
    })
  })

  it('limits comments per address per hour, counted in Postgres', async () => {
    await setDiscussion(payload, { perIpPerHour: 2 })
    const pool = (payload.db as unknown as { pool: { query: (s: string) => Promise<unknown> } }).pool
    const meta = sender()
    for (let i = 0; i < 2; i++) {
      expect((await submit({ body: `Note ${i}` }, meta)).ok).toBe(true)
      await pool.query(`update comment_throttle set last_at = now() - interval '1 minute'`) // let 15 s pass
    }
    expect(await submit({ body: 'Third' }, meta)).toMatchObject({ ok: false, message: MESSAGES.ipLimit })
  })
})

type VerdictCase = [
  name: string,
  settings: Partial<Discussion>,
  input: Partial<Submission>,
  status: string,
  rules: string[],
]
const verdicts: VerdictCase[] = [
  ['manual approval holds an ordinary comment', {}, {}, 'pending', ['manualApproval']],
  ['no manual approval: approved at once', { manualApproval: false }, {}, 'approved', []],
  ['honeypot filled: quietly spam', {}, { honeypot: 'http://spam.example' }, 'spam', ['honeypot', 'manualApproval']],
  ['sent 1 s after the page loaded: spam', {}, { elapsedMs: 1000 }, 'spam', ['tooFast', 'manualApproval']],
  [
    'no timing data (JavaScript off): not judged on time',
    { manualApproval: false },
    { elapsedMs: null },
    'approved',
    [],
  ],
  [
    'two links: held',
    { manualApproval: false },
    { body: 'See https://a.example and http://b.example' },
    'pending',
    ['links'],
  ],
  [
    'one link under the threshold: approved',
    { manualApproval: false },
    { body: 'See https://a.example' },
    'approved',
    [],
  ],
  [
    'moderation word in the body: held',
    { manualApproval: false, moderationWords: 'casino\nloan' },
    { body: 'Cheap LOANS here' },
    'pending',
    ['moderationWord'],
  ],
  [
    'moderation word in the name: held',
    { manualApproval: false, moderationWords: 'seo' },
    { authorName: 'Best SEO' },
    'pending',
    ['moderationWord'],
  ],
  [
    'disallowed word in the URL: spam',
    { disallowedWords: 'pills' },
    { authorUrl: 'https://cheap-pills.example' },
    'spam',
    ['disallowedWord', 'manualApproval'],
  ],
  [
    'disallowed word in the email: spam',
    { manualApproval: false, disallowedWords: 'spammer' },
    { authorEmail: 'top-spammer@example.test' },
    'spam',
    ['disallowedWord'],
  ],
]

describe('verdicts: each rule and its weight, with reasons for the moderator', () => {
  it.each(verdicts)('%s', async (_name, settings, input, status, rules) => {
    await setDiscussion(payload, settings)
    const result = await submit(input)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const stored = await payload.findByID({ collection: 'comments', id: result.comment.id })
    expect(stored.status).toBe(status)
    const hits = (stored.verdict as { hits: { rule: string; weight: number; reason: string }[] }).hits
    expect(hits.map((h) => h.rule).sort()).toEqual([...rules].sort())
    for (const hit of hits) expect(hit.reason.length).toBeGreaterThan(10)
  })

  it('disallowed word in the user agent or IP counts too', async () => {
    await setDiscussion(payload, { disallowedWords: 'evilbot\n203.0.113.66' })
    const ua = await submitComment(payload, comment(articleId), { ip: '192.0.2.1', userAgent: 'EvilBot/1.0' })
    const ip = await submitComment(payload, comment(articleId), { ip: '203.0.113.66', userAgent: 'Firefox' })
    for (const r of [ua, ip])
      expect(r.ok && (await payload.findByID({ collection: 'comments', id: r.comment.id })).status).toBe('spam')
  })

  it('auto-approves an author whose earlier comment (same email) was approved, unless a rule holds it', async () => {
    const email = sender().email
    const first = await submit({ authorEmail: email })
    if (!first.ok) throw new Error('first comment refused')
    await payload.update({ collection: 'comments', id: first.comment.id, data: { status: 'approved' }, context: ctx })
    await clearThrottle(payload)
    const second = await submit({ authorEmail: email, body: 'Back again' })
    expect(second.ok && (await payload.findByID({ collection: 'comments', id: second.comment.id })).status).toBe(
      'approved',
    )
    await clearThrottle(payload)
    const linky = await submit({ authorEmail: email, body: 'Links https://a.example https://b.example' })
    expect(linky.ok && (await payload.findByID({ collection: 'comments', id: linky.comment.id })).status).toBe(
      'pending',
    )
  })

  it('stores the address truncated and keeps private fields private', async () => {
    const result = await submitComment(payload, comment(articleId), { ip: '203.0.113.77', userAgent: 'Firefox/140' })
    if (!result.ok) throw new Error('refused')
    const stored = await payload.findByID({ collection: 'comments', id: result.comment.id })
    expect(stored.ip).toBe('203.0.113.0')
    expect(stored.userAgent).toBe('Firefox/140')
    expect(JSON.stringify(result.comment)).not.toMatch(/@example\.test|203\.0\.113/)
  })
})
