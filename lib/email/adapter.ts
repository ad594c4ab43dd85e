import type { EmailAdapter, SendEmailOptions } from 'payload'
import nodemailer, { type Transporter } from 'nodemailer'

import { emailFrom, siteName, smtpSettings } from '../env.mjs'

/**
 * Payload's email adapter, on nodemailer. SMTP comes from the environment (SMTP_HOST,
 * SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE, EMAIL_FROM). Without SMTP_HOST, each mail is
 * written to the server log instead of sent, which is what development wants.
 * The transport is made on first use, so a changed environment (tests) is honoured.
 */
let transport: { key: string; transporter: Transporter } | null = null

function transporter(): Transporter | null {
  const smtp = smtpSettings()
  if (!smtp) return null
  const key = [smtp.host, smtp.port, smtp.auth?.user].join('|')
  if (transport?.key !== key) transport = { key, transporter: nodemailer.createTransport(smtp) }
  return transport.transporter
}

export const emailAdapter: EmailAdapter = ({ payload }) => {
  const defaultFromAddress = emailFrom()
  const defaultFromName = siteName()
  return {
    name: 'byline-nodemailer',
    defaultFromAddress,
    defaultFromName,
    sendEmail: async (message: SendEmailOptions) => {
      const mail = { from: { name: defaultFromName, address: defaultFromAddress }, ...message }
      const smtp = transporter()
      if (!smtp) {
        payload.logger.info({
          msg: 'Email (no SMTP_HOST set, so logged instead of sent)',
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
        })
        return { logged: true }
      }
      return smtp.sendMail(mail)
    },
  }
}
