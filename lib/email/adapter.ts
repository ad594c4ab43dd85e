import type { EmailAdapter, SendEmailOptions } from 'payload'
import nodemailer, { type Transporter } from 'nodemailer'

/**
 * Payload's email adapter, on nodemailer. SMTP comes from the environment (SMTP_HOST,
 * SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE, EMAIL_FROM). Without SMTP_HOST, each mail is
 * written to the server log instead of sent, which is what development wants.
 * The transport is made on first use, so a changed environment (tests) is honoured.
 */
let transport: { key: string; transporter: Transporter } | null = null

function transporter(): Transporter | null {
  const host = process.env.SMTP_HOST
  if (!host) return null
  const key = [host, process.env.SMTP_PORT, process.env.SMTP_USER].join('|')
  if (transport?.key !== key) {
    transport = {
      key,
      transporter: nodemailer.createTransport({
        host,
        port: Number(process.env.SMTP_PORT || 587),
        secure: process.env.SMTP_SECURE === 'true',
        auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } : undefined,
        // A local catcher or relay without TLS is fine; a real server negotiates STARTTLS.
        ignoreTLS: process.env.SMTP_IGNORE_TLS === 'true',
      }),
    }
  }
  return transport.transporter
}

export const emailAdapter: EmailAdapter = ({ payload }) => {
  const defaultFromAddress = process.env.EMAIL_FROM || 'byline@localhost'
  const defaultFromName = process.env.SITE_NAME || 'Byline'
  return {
    name: 'byline-nodemailer',
    defaultFromAddress,
    defaultFromName,
    sendEmail: async (message: SendEmailOptions) => {
      const mail = { from: { name: defaultFromName, address: defaultFromAddress }, ...message }
      const smtp = transporter()
      if (!smtp) {
        payload.logger.info({ msg: 'Email (no SMTP_HOST set, so logged instead of sent)', to: mail.to, subject: mail.subject, text: mail.text })
        return { logged: true }
      }
      return smtp.sendMail(mail)
    },
  }
}
