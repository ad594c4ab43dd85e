// The test mail servers must outlive a sender that drops its connection halfway through a message:
// the scale suite stops instances while they may be sending, and an unhandled 'error' event from
// smtp-server ended the whole run once.
import net from 'node:net'
import { describe, expect, it } from 'vitest'

import { startMailCatcher } from '../servers/mailCatcher.mjs'
import { startSmtpCatcher } from '../helpers/smtp'

async function dropMidTransaction(port: number) {
  const socket = net.connect(port, '127.0.0.1')
  const replies: string[] = []
  const nextReply = () => new Promise<string>((resolve) => socket.once('data', (d) => resolve(String(d))))
  replies.push(await nextReply())
  socket.write('EHLO sender.test\r\n')
  replies.push(await nextReply())
  socket.write('MAIL FROM:<a@sender.test>\r\n')
  replies.push(await nextReply())
  const closed = new Promise((resolve) => socket.once('close', resolve))
  socket.resetAndDestroy()
  await closed
  return replies
}

async function sendOne(port: number, to: string) {
  const nodemailer = await import('nodemailer')
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
  await transport.sendMail({ from: 'a@sender.test', to, subject: 'after the reset', text: 'still here' })
}

describe('test mail servers', () => {
  it('the e2e/scale mail catcher keeps working after a sender resets mid-message', async () => {
    const catcher = await startMailCatcher()
    try {
      const replies = await dropMidTransaction(catcher.smtpPort)
      expect(replies[2]).toMatch(/^250/) // the reset came inside a transaction
      await sendOne(catcher.smtpPort, 'reader@example.test')
      const res = await fetch(`${catcher.url}/mails?to=reader@example.test`)
      expect(res.status).toBe(200)
      const mails = (await res.json()) as { subject: string }[]
      expect(mails.map((m) => m.subject)).toEqual(['after the reset'])
    } finally {
      await catcher.stop()
    }
  })

  it('the integration tests’ SMTP catcher does too', async () => {
    const catcher = await startSmtpCatcher()
    try {
      const replies = await dropMidTransaction(catcher.port)
      expect(replies[2]).toMatch(/^250/)
      await sendOne(catcher.port, 'reader@example.test')
      const mail = await catcher.waitFor((m) => m.subject === 'after the reset')
      expect(mail.to).toEqual(['reader@example.test'])
    } finally {
      await catcher.stop()
    }
  })
})
