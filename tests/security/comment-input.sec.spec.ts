import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { MESSAGES } from '@/lib/comments/messages'
import { cleanBody, cleanLine, elapsedFromForm, type Facts, judge, type Settings } from '@/lib/comments/rules'
import { submitComment, type Submission } from '@/lib/comments/submit'
import { parseId } from '@/lib/ids'
import { clearThrottle, comment, ctx, publishedArticle, sender, setDiscussion } from '../helpers/comments'
import { startPayload } from '../helpers/payload'

const settings: Settings = {
  commentsEnabled: true,
  closeAfterDays: 0,
  requireNameEmail: true,
  manualApproval: true,
  trustApprovedAuthors: true,
  holdLinkCount: 2,
  moderationWords: ['casino'],
  disallowedWords: [],
  minSecondsToSubmit: 3,
  requireLogin: false,
  trustAfterApproved: 1,
}
const facts = (over: Partial<Facts> = {}): Facts => ({
  article: { publishedAt: '2020-01-01', commentsOpen: true },
  approvedBefore: 0,
  duplicate: false,
  ...over,
})
const input = {
  body: 'A fair point.',
  authorName: 'Ann',
  authorEmail: 'ann@example.test',
  authorUrl: '',
  elapsedMs: 10_000,
}
const meta = { ip: '198.51.100.1', userAgent: 'Firefox' }

// F8: trust lifts manual approval only; links and moderation words still hold the comment.
describe('trust (pure rules)', () => {
  it.each([
    [
      'trusted author, plain comment: approved',
      {},
      facts({ approvedBefore: 1 }),
      'approved',
      ['manualApproval', 'trustedAuthor'],
    ],
    [
      'trusted author with two links: held by the link rule, trust not applied',
      { body: 'https://a.example https://b.example' },
      facts({ approvedBefore: 5 }),
      'pending',
      ['links', 'manualApproval'],
    ],
    [
      'trusted author with a moderation word: held',
      { body: 'casino night' },
      facts({ approvedBefore: 5 }),
      'pending',
      ['moderationWord', 'manualApproval'],
    ],
    [
      'trusted author, one link (under the threshold): approved',
      { body: 'see https://a.example' },
      facts({ approvedBefore: 1 }),
      'approved',
      ['manualApproval', 'trustedAuthor'],
    ],
    ['untrusted author: held', {}, facts(), 'pending', ['manualApproval']],
  ] as const)('%s', (_name, over, f, status, rules) => {
    const verdict = judge({ ...input, ...over }, meta, f, settings)
    expect(verdict.status).toBe(status)
    expect(verdict.hits.map((h) => h.rule).sort()).toEqual([...rules].sort())
  })
})

// F14: leaving the elapsed-time field out no longer skips the too-fast check.
describe('elapsed time as the form sent it', () => {
  it.each([
    ['field left out of a script post', null, true, 0],
    ['field left out of a plain form post', null, false, 0],
    ['empty from a script (the page script always fills it)', '', true, 0],
    ['empty from the plain form (JavaScript off: cannot measure)', '', false, null],
    ['garbage', 'soon', true, 0],
    ['negative', '-5000', true, 0],
    ['a fraction', '1.5e9', true, 0],
    ['a real measurement', '8123', true, 8123],
  ] as const)('%s', (_name, raw, fromScript, expected) => {
    expect(elapsedFromForm(raw, fromScript)).toBe(expected)
  })

  it('a post without the field is judged too fast (spam), a measured one is not', () => {
    const missing = judge({ ...input, elapsedMs: elapsedFromForm(null, true) }, meta, facts(), settings)
    expect(missing.hits.map((h) => h.rule)).toContain('tooFast')
    expect(missing.status).toBe('spam')
    const measured = judge({ ...input, elapsedMs: elapsedFromForm('9000', true) }, meta, facts(), settings)
    expect(measured.hits.map((h) => h.rule)).toEqual(['manualApproval'])
  })
})

// F17: invisible and control characters.
describe('names and bodies lose controls, bidi overrides and zero-width characters', () => {
  it.each([
    ['zero-width space and right-to-left override', 'Admin\u200b\u202Enimda', 'Adminnimda'],
    ['bidi isolates and marks', '\u2066Bob\u2069\u200f\u061c', 'Bob'],
    ['ANSI colour codes', '\u001b[31mRed\u001b[0m Riding', 'Red Riding'],
    ['C0 (NUL, bell) and C1 controls, DEL', 'A\u0000l\u0007i\u0085c\u009be\u007f', 'Alice'],
    ['byte order mark and word joiner', '\ufeffCarol\u2060', 'Carol'],
    ['line breaks and tabs in a name', 'Dan\n\tiel', 'Daniel'],
    ['ordinary accents and scripts kept', 'Zoë Ærø 李雷 Ørsted', 'Zoë Ærø 李雷 Ørsted'],
  ])('name: %s', (_name, raw, clean) => {
    expect(cleanLine(raw)).toBe(clean)
  })

  it.each([
    ['line breaks and tabs kept, CRLF normalised', 'one\r\ntwo\n\tthree', 'one\ntwo\n\tthree'],
    ['right-to-left override and zero-width space removed', 'pay \u202Eexe.txt\u200b', 'pay exe.txt'],
    ['NUL and ANSI removed', 'a\u0000b \u001b[2Jc', 'ab c'],
    [
      'emoji joiners and Persian non-joiner kept',
      'family 👩\u200d👩\u200d👧 می\u200cخواهم',
      'family 👩\u200d👩\u200d👧 می\u200cخواهم',
    ],
  ])('body: %s', (_name, raw, clean) => {
    expect(cleanBody(raw)).toBe(clean)
  })
})

describe('ids from outside', () => {
  it.each([
    ['1', 1],
    ['2147483647', 2147483647],
    ['2147483648', null],
    [String(2 ** 40), null],
    ['abc', null],
    ['1.5', null],
    ['-1', null],
    ['0', null],
    ['01', null],
    ['1\u0000', null],
    ['', null],
    [7, 7],
    [1.5, null],
    [Number.NaN, null],
    [null, null],
  ] as const)('%j → %j', (raw, id) => {
    expect(parseId(raw)).toBe(id)
  })
})

describe('through the comment path (real PostgreSQL)', () => {
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
      minSecondsToSubmit: 3,
      perIpPerHour: 20,
    })
    await clearThrottle(payload)
  })
  const submit = (over: Partial<Submission> = {}) => submitComment(payload, comment(articleId, over), sender())
  const stored = (id: number) => payload.findByID({ collection: 'comments', id, overrideAccess: true })

  it('F8: trust needs the same name and email as an approved comment', async () => {
    const email = sender().email
    const first = await submit({ authorEmail: email, authorName: 'Trusted Tess' })
    if (!first.ok) throw new Error('first comment refused')
    await payload.update({ collection: 'comments', id: first.comment.id, data: { status: 'approved' }, context: ctx })
    await clearThrottle(payload)
    const impostor = await submit({ authorEmail: email, authorName: 'Mallory', body: 'Not Tess' })
    expect(impostor.ok).toBe(true)
    if (!impostor.ok) return
    expect((await stored(impostor.comment.id)).status).toBe('pending')
    await clearThrottle(payload)
    const tess = await submit({ authorEmail: email, authorName: 'Trusted Tess', body: 'Tess again' })
    expect(tess.ok).toBe(true)
    if (!tess.ok) return
    expect((await stored(tess.comment.id)).status).toBe('approved')
    await clearThrottle(payload)
    const linky = await submit({
      authorEmail: email,
      authorName: 'Trusted Tess',
      body: 'Buy https://a.example https://b.example',
    })
    expect(linky.ok && (await stored(linky.comment.id)).status).toBe('pending')
  })

  it('F14: the author of a comment judged spam is told the same as for a held one', async () => {
    const spam = await submit({ honeypot: 'http://bot.example' })
    const held = await submit({ body: 'An honest remark' })
    expect(spam.ok && held.ok).toBe(true)
    if (!spam.ok || !held.ok) return
    expect((await stored(spam.comment.id)).status).toBe('spam')
    expect((await stored(held.comment.id)).status).toBe('pending')
    expect(spam.comment.status).toBe('pending')
    expect(JSON.stringify(spam)).not.toContain('spam')
    expect(Object.keys(spam.comment).sort()).toEqual(Object.keys(held.comment).sort())
  })

  it('F17: a name with bidi and zero-width characters is stored clean; NUL anywhere is no 500', async () => {
    const result = await submit({
      authorName: 'Admin\u200b\u202Enimda',
      body: 'Hi\u0000 there \u202Eo',
      authorUrl: 'https://ex\u0000ample.test/',
      authorEmail: `n\u0000ul${Date.now()}@example.test`,
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const doc = await stored(result.comment.id)
    expect(doc.authorName).toBe('Adminnimda')
    expect(doc.body).toBe('Hi there o')
    expect(doc.authorUrl).toBe('https://example.test/')
    expect(doc.authorEmail).toMatch(/^nul\d+@example\.test$/)
  })

  it('F17: a name of nothing but invisible characters counts as empty', async () => {
    expect(await submit({ authorName: '\u200b\u202E\u0000' })).toMatchObject({
      ok: false,
      errors: [{ field: 'authorName', message: MESSAGES.emptyName }],
    })
  })
})
