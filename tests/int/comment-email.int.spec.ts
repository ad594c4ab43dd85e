import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'

import { commentMailSettled } from '@/collections/Comments/hooks/notify'
import { submitComment } from '@/lib/comments/submit'
import { clearThrottle, comment, ctx, publishedArticle, sender, setDiscussion } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { startSmtpCatcher } from '../helpers/smtp'
import { createStaff } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>
let articleId: number
let moderatorEmail: string

beforeAll(async () => {
  smtp = await startSmtpCatcher()
  Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_IGNORE_TLS: 'true' })
  ;({ payload, stop } = await startPayload())
  moderatorEmail = (await createStaff(payload)).moderator.email
  articleId = (await publishedArticle(payload, { title: 'Mail story' })).id
})
afterAll(async () => {
  await stop?.()
  await smtp?.stop()
  delete process.env.SMTP_HOST
})
beforeEach(() => clearThrottle(payload))

it('mails moderators a link to each new pending comment', async () => {
  const result = await submitComment(payload, comment(articleId, { body: 'Please moderate me' }), sender())
  if (!result.ok) throw new Error('refused')
  const mail = await smtp.waitFor((m) => m.text.includes('Please moderate me'))
  expect(mail.to).toContain(moderatorEmail)
  expect(mail.subject).toBe('New comment awaiting moderation on "Mail story"')
  expect(mail.text).toContain(`/admin/collections/comments/${result.comment.id}`)
})

it('mails a commenter who asked, once on approval and once when a reply is approved', async () => {
  await setDiscussion(payload, { manualApproval: true })
  const author = sender().email
  const first = await submitComment(
    payload,
    comment(articleId, { body: 'Notify me please', authorEmail: author, notify: true }),
    sender(),
  )
  if (!first.ok) throw new Error('refused')
  await payload.update({ collection: 'comments', id: first.comment.id, data: { status: 'approved' }, context: ctx })
  await smtp.waitFor((m) => m.to.includes(author) && m.subject.includes('is published'))

  const reply = await submitComment(
    payload,
    comment(articleId, { body: 'A reply to you', parentId: first.comment.id }),
    sender(),
  )
  if (!reply.ok) throw new Error('reply refused')
  await payload.update({ collection: 'comments', id: reply.comment.id, data: { status: 'approved' }, context: ctx })
  const replyMail = await smtp.waitFor((m) => m.to.includes(author) && m.subject.startsWith('New reply'))
  expect(replyMail.text).toContain('A reply to you')

  // Editing an approved comment again sends nothing new: wait for that change's mail step to
  // finish (the hook hands it over in the context), then count.
  expect(smtp.mails.filter((m) => m.to.includes(author))).toHaveLength(2)
  await settledMail({ collection: 'comments', id: first.comment.id, data: { body: 'Notify me please!' } })
  expect(smtp.mails.filter((m) => m.to.includes(author))).toHaveLength(2)
})

it('sends nothing to a commenter who did not ask', async () => {
  const quiet = sender().email
  const c = await submitComment(payload, comment(articleId, { body: 'Quiet one', authorEmail: quiet }), sender())
  if (!c.ok) throw new Error('refused')
  await settledMail({ collection: 'comments', id: c.comment.id, data: { status: 'approved' } })
  expect(smtp.mails.length).toBeGreaterThan(0)
  expect(smtp.mails.some((m) => m.to.includes(quiet))).toBe(false)
})

/** Updates a comment and waits until every mail that change triggers has been handed to SMTP. */
async function settledMail(args: { collection: 'comments'; id: number; data: Record<string, unknown> }) {
  const before = await commentMailSettled()
  await payload.update({ ...args, context: ctx })
  expect(await commentMailSettled()).toBeGreaterThan(before)
}
