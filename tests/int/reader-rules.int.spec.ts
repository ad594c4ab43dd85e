import { describe, expect, it } from 'vitest'

import { MESSAGES } from '@/lib/comments/messages'
import {
  activeBan,
  authorRefusal,
  editRefusal,
  type Facts,
  judge,
  type ReaderFacts,
  type Settings,
  statusAfterEdit,
} from '@/lib/comments/rules'

/** The reader rules as pure functions: one table row per case (no database involved). */
const NOW = new Date('2026-06-01T12:00:00Z')
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString()
const settings: Settings = {
  commentsEnabled: true,
  closeAfterDays: 0,
  requireNameEmail: true,
  manualApproval: true,
  trustApprovedAuthors: true,
  holdLinkCount: 2,
  moderationWords: ['casino'],
  disallowedWords: ['pills'],
  minSecondsToSubmit: 3,
  requireLogin: false,
  trustAfterApproved: 1,
}
const input = (body: string) => ({
  body,
  authorName: 'R',
  authorEmail: 'r@example.test',
  authorUrl: '',
  elapsedMs: 10_000,
})
const meta = { ip: '192.0.2.1', userAgent: 'UA' }
const facts = (approvedBefore: number, byReader = true): Facts => ({
  article: null,
  approvedBefore,
  byReader,
  duplicate: false,
})
const reader = (over: Partial<ReaderFacts> = {}): ReaderFacts => ({ id: 1, ...over })

describe('who may comment', () => {
  it.each([
    ['anonymous, login not required', null, false, null],
    ['anonymous, login required', null, true, MESSAGES.loginRequired],
    ['a reader in good standing', reader(), true, null],
    ['a banned reader, with the reason', reader({ banned: true, banReason: ' Spam ' }), false, MESSAGES.banned('Spam')],
    ['a banned reader, no reason', reader({ banned: true }), false, 'You are banned from commenting on this site.'],
    ['a ban ending later', reader({ banned: true, bannedUntil: '2026-06-02T00:00:00Z' }), false, MESSAGES.banned(null)],
    ['a ban that ended', reader({ banned: true, bannedUntil: '2026-05-01T00:00:00Z' }), false, null],
    ['an end date without a ban', reader({ banned: false, bannedUntil: '2026-07-01T00:00:00Z' }), false, null],
  ] as const)('%s', (_name, who, requireLogin, expected) => {
    expect(authorRefusal(who, { requireLogin }, NOW)).toBe(expected)
    if (who) expect(activeBan(who, NOW) !== null).toBe(expected !== null && expected !== MESSAGES.loginRequired)
  })
})

describe('trust after N approved comments', () => {
  it.each([
    ['none approved, trusted from 1', 0, 1, {}, 'pending'],
    ['one approved, trusted from 1', 1, 1, {}, 'approved'],
    ['one approved, trusted from 3', 1, 3, {}, 'pending'],
    ['three approved, trusted from 3', 3, 3, {}, 'approved'],
    ['trusted, but two links hold it', 5, 1, { body: 'https://a.example https://b.example' }, 'pending'],
    ['trusted, but a moderation word holds it', 5, 1, { body: 'casino night' }, 'pending'],
    ['trust switched off', 5, 1, { trustApprovedAuthors: false }, 'pending'],
    ['a threshold of 0 means 1', 0, 0, {}, 'pending'],
  ] as const)('%s', (_name, approved, trustAfterApproved, over, status) => {
    const body = 'body' in over ? over.body : 'Hello'
    const s = {
      ...settings,
      trustAfterApproved,
      ...('trustApprovedAuthors' in over ? { trustApprovedAuthors: over.trustApprovedAuthors } : {}),
    }
    const verdict = judge(input(body), meta, facts(approved), s)
    expect(verdict.status).toBe(status)
    const trusted = verdict.hits.find((h) => h.rule === 'trustedAuthor')
    if (trusted) expect(trusted.reason).toContain('signed-in reader')
  })
})

describe('the 10-minute edit window', () => {
  it.each([
    ['own, just posted', { reader: 1, createdAt: minutesAgo(0), status: 'pending' }, null],
    ['own, 9 minutes old', { reader: 1, createdAt: minutesAgo(9), status: 'approved' }, null],
    ['own, exactly 10 minutes old', { reader: 1, createdAt: minutesAgo(10), status: 'approved' }, null],
    ['own, 11 minutes old', { reader: 1, createdAt: minutesAgo(11), status: 'approved' }, MESSAGES.editClosed],
    ['own, marked spam', { reader: 1, createdAt: minutesAgo(1), status: 'spam' }, MESSAGES.editClosed],
    ["someone else's", { reader: 2, createdAt: minutesAgo(1), status: 'approved' }, MESSAGES.notYours],
    ['anonymous', { reader: null, createdAt: minutesAgo(1), status: 'approved' }, MESSAGES.notYours],
    ['not found', null, MESSAGES.notYours],
  ] as const)('%s', (_name, comment, expected) => expect(editRefusal(comment, 1, NOW)).toBe(expected))
})

describe('status after an edit: kept unless a rule now holds it', () => {
  it.each([
    ['approved, harmless edit', 'approved', 'Typo fixed', 'approved'],
    ['approved, now two links', 'approved', 'https://a.example https://b.example', 'pending'],
    ['approved, now a disallowed word', 'approved', 'cheap pills', 'spam'],
    ['pending, harmless edit: still waits', 'pending', 'Typo fixed', 'pending'],
    ['pending, now a disallowed word', 'pending', 'cheap pills', 'spam'],
  ] as const)('%s', (_name, current, body, expected) => {
    expect(statusAfterEdit(current, input(body), meta, facts(0), settings).status).toBe(expected)
  })
})
