import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type CaughtMail = { to: string[]; subject: string; text: string }

/** A real SMTP server in this process that keeps every message it receives. */
export async function startSmtpCatcher() {
  const mails: CaughtMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          })
          callback()
        })
        .catch(callback)
    },
  })
  // A client that drops its connection emits 'error'; unhandled, it would end the test process.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error(`smtp catcher: ${error.message}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as { port: number }).port
  return {
    port,
    mails,
    /** Waits (bounded) until a mail matching `test` has arrived. */
    async waitFor(test: (m: CaughtMail) => boolean, ms = 5000) {
      const until = Date.now() + ms
      while (Date.now() < until) {
        const found = mails.find(test)
        if (found) return found
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`no matching mail within ${ms} ms; got: ${mails.map((m) => m.subject).join(' | ')}`)
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
