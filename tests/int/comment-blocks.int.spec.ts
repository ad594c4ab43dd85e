import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { blockRefusal } from '@/lib/comments/blocks'
import { hashKey, rateLimitKey } from '@/lib/comments/identity'
import { MESSAGES } from '@/lib/comments/messages'
import { submitComment } from '@/lib/comments/submit'
import { clearThrottle, comment, ctx, publishedArticle, sender } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { graphql, login, rest } from '../helpers/rest'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

/**
 * "Block this commenter" (collections/Blocks.ts): a comment's email and address, kept as hashes,
 * refuse new comments with the ban message until the block ends; only moderators and admins
 * reach blocks, over the Local API, REST and GraphQL.
 */
let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
let articleId: number
const tokens: Partial<Record<Role, string>> = {}
const HOUR = 3_600_000

type Sender = ReturnType<typeof sender>
/** Posts as a reader would (the form's server action calls exactly this). */
async function post(from: Sender, body: string, now = new Date()) {
  return submitComment(payload, comment(articleId, { body, authorEmail: from.email }), from, now)
}
async function posted(from: Sender, body: string) {
  const result = await post(from, body)
  if (!result.ok) throw new Error(`refused: ${result.message ?? JSON.stringify(result.errors)}`)
  return result.comment.id
}
const block = (commentId: number, data: Record<string, unknown> = {}, who: User = staff.moderator) =>
  payload.create({
    collection: 'comment-blocks',
    data: { comment: commentId, ...data },
    depth: 0,
    overrideAccess: false,
    user: who,
    context: ctx,
  })
const sql = async <T>(text: string, values: unknown[] = []): Promise<T[]> =>
  (
    await (
      payload.db as unknown as { pool: { query: (s: string, v: unknown[]) => Promise<{ rows: T[] }> } }
    ).pool.query(text, values)
  ).rows

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['editor', 'moderator', 'admin'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
  articleId = (await publishedArticle(payload)).id
})
beforeEach(() => clearThrottle(payload))
afterAll(() => stop?.())

describe('refusing a blocked commenter', () => {
  it('refuses their email from any address, and their address under any email, with the reason; stores only hashes', async () => {
    const troll = sender()
    const first = await posted(troll, 'The first thing the troll said.')
    const made = await block(first, { reason: 'Personal attacks' })
    expect(made).toMatchObject({ authorName: 'Reader', reason: 'Personal attacks', blockedBy: staff.moderator.id })
    expect(made.emailHint).toBe(`${troll.email[0]}…@${troll.email.split('@')[1]}`)

    // Nothing in the row names the email or the full address; the hashes are the rules' own keys.
    const [row] = await sql<Record<string, unknown>>('select * from comment_blocks where id = $1', [made.id])
    expect(row.email_hash).toBe(hashKey('email', troll.email))
    expect(row.ip_hash).toBe(hashKey('ip', rateLimitKey(troll.ip)))
    expect(JSON.stringify(row)).not.toContain(troll.email)
    expect(JSON.stringify(row)).not.toContain(troll.ip)

    await clearThrottle(payload)
    const sameEmail = await post({ ...sender(), email: troll.email.toUpperCase() }, 'Back under a new address.')
    expect(sameEmail).toEqual({ ok: false, errors: [], message: MESSAGES.banned('Personal attacks') })
    const sameAddress = await post({ ...sender(), ip: troll.ip }, 'Back under a new email.')
    expect(sameAddress).toEqual({
      ok: false,
      errors: [],
      message: 'You are banned from commenting on this site. Reason: Personal attacks',
    })
    // Neither refusal stored anything.
    const { totalDocs } = await payload.count({ collection: 'comments', where: { body: { like: 'Back under' } } })
    expect(totalDocs).toBe(0)
    // Someone else entirely still comments.
    const bystander = await post(sender(), 'An unrelated reader.')
    expect(bystander.ok).toBe(true)
  })

  it('a block with an end refuses until then, and not after', async () => {
    const from = sender()
    const first = await posted(from, 'Before the timed block.')
    const until = new Date(Date.now() + HOUR).toISOString()
    await block(first, { until })
    await clearThrottle(payload)
    expect(await post(from, 'During the block.')).toMatchObject({ ok: false, message: MESSAGES.banned(null) })
    await clearThrottle(payload)
    const after = await post(from, 'After the block ended.', new Date(Date.now() + 2 * HOUR))
    expect(after.ok).toBe(true)
  })

  it('the pure rule: the first block in force decides', () => {
    const now = new Date('2026-06-01T12:00:00Z')
    expect(blockRefusal([], now)).toBeNull()
    expect(blockRefusal([{ until: '2026-05-01T00:00:00Z', reason: 'old' }], now)).toBeNull()
    expect(
      blockRefusal(
        [
          { until: '2026-05-01T00:00:00Z', reason: 'old' },
          { until: null, reason: ' new ' },
        ],
        now,
      ),
    ).toBe(MESSAGES.banned('new'))
    expect(blockRefusal([{ until: '2026-06-01T12:00:01Z' }], now)).toBe(MESSAGES.banned(null))
  })

  it('offers to hide their comments: approved and pending ones become spam (or trash), as the moderator', async () => {
    const from = sender()
    const ids = [await posted(from, 'Hide me one.')]
    await clearThrottle(payload)
    ids.push(await posted({ ...sender(), ip: from.ip }, 'Hide me two, same address.'))
    await payload.update({
      collection: 'comments',
      id: ids[0],
      data: { status: 'approved' },
      user: staff.moderator,
      overrideAccess: false,
      context: ctx,
    })
    const other = await posted(sender(), 'Not theirs.')
    const made = await block(ids[1], { hideComments: 'spam' })
    expect(made.hiddenComments).toBe(2)
    const after = await payload.find({
      collection: 'comments',
      where: { id: { in: [...ids, other] } },
      depth: 0,
      overrideAccess: true,
    })
    expect(after.docs).toHaveLength(3)
    const status = Object.fromEntries(after.docs.map((d) => [d.id, d.status]))
    expect(status[ids[0]]).toBe('spam')
    expect(status[ids[1]]).toBe('spam')
    expect(status[other]).not.toBe('spam')
    expect(after.docs.find((d) => d.id === ids[0])?.moderatedBy).toBe(staff.moderator.id)
  })

  it('bad input is a 400 with the reason, never a 500', async () => {
    const from = sender()
    const id = await posted(from, 'Block me wrongly.')
    const auth = { token: tokens.moderator }
    const none = await rest('POST', 'comment-blocks', { ...auth, body: { reason: 'no comment named' } })
    expect(none.status).toBe(400)
    expect(JSON.stringify(none.json)).toContain('Pick the comment whose author to block.')
    const missing = await rest('POST', 'comment-blocks', { ...auth, body: { comment: 999_999 } })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.json)).toContain('There is no comment 999999.')
    const past = await rest('POST', 'comment-blocks', { ...auth, body: { comment: id, until: '2020-01-01T00:00:00Z' } })
    expect(past.status).toBe(400)
    expect(JSON.stringify(past.json)).toContain('The end of the block must be in the future')
  })
})

describe('who reaches blocks', () => {
  let blockId: number
  beforeAll(async () => {
    const id = await posted(sender(), 'Subject of the access checks.')
    blockId = (await block(id, { reason: 'access check' })).id
  })

  it.each(['moderator', 'admin'] as const)(
    '%s: reads over REST and GraphQL (never the hashes) and creates',
    async (role) => {
      const list = await rest('GET', 'comment-blocks?limit=100', { token: tokens[role] })
      expect(list.status).toBe(200)
      expect(list.json.docs.length).toBeGreaterThan(0)
      const mine = list.json.docs.find((d: { id: number }) => d.id === blockId)
      expect(mine).toMatchObject({ reason: 'access check' })
      expect(mine).not.toHaveProperty('emailHash')
      expect(mine).not.toHaveProperty('ipHash')
      const gql = await graphql('{ CommentBlocks(limit: 100) { docs { id reason } } }', { token: tokens[role] })
      expect(gql.json.errors).toBeUndefined()
      expect(gql.json.data.CommentBlocks.docs.map((d: { id: number }) => d.id)).toContain(blockId)

      const target = await posted(sender(), `Blocked over REST by the ${role}.`)
      const made = await rest('POST', 'comment-blocks', {
        token: tokens[role],
        body: { comment: target, reason: 'rest' },
      })
      expect(made.status).toBe(201)
      expect(made.json.doc).toMatchObject({ reason: 'rest', hiddenComments: 0 })
    },
  )

  it.each(['editor', 'anonymous'] as const)('%s: refused over REST, GraphQL and the Local API', async (who) => {
    const auth = who === 'anonymous' ? {} : { token: tokens[who] }
    const list = await rest('GET', 'comment-blocks', auth)
    expect(list.status).toBe(403)
    expect(list.json.errors[0].message).toBe('You are not allowed to perform this action.')
    const one = await rest('GET', `comment-blocks/${blockId}`, auth)
    expect(one.status).toBe(403)
    const target = await posted(sender(), `Not blockable by ${who}.`)
    const made = await rest('POST', 'comment-blocks', { ...auth, body: { comment: target } })
    expect(made.status).toBe(403)
    const removed = await rest('DELETE', `comment-blocks/${blockId}`, auth)
    expect(removed.status).toBe(403)

    const gql = await graphql('{ CommentBlocks { docs { id reason } } }', auth)
    expect(gql.json.data?.CommentBlocks ?? null).toBeNull()
    expect(gql.json.errors?.[0]?.message).toBe('You are not allowed to perform this action.')
    const mutation = await graphql(`mutation { createCommentBlock(data: { comment: ${target} }) { id } }`, auth)
    expect(mutation.json.data?.createCommentBlock ?? null).toBeNull()
    expect(mutation.json.errors?.[0]?.message).toBe('You are not allowed to perform this action.')

    const local = who === 'editor' ? { overrideAccess: false, user: staff.editor } : { overrideAccess: false }
    await expect(payload.find({ collection: 'comment-blocks', ...local })).rejects.toThrow(
      'You are not allowed to perform this action.',
    )
    const { totalDocs } = await payload.count({ collection: 'comment-blocks', where: { comment: { equals: target } } })
    expect(totalDocs).toBe(0)
  })
})
