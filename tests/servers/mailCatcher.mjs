// An SMTP server that keeps the mail it receives, for the end-to-end run: the site under test
// sends to it (SMTP_HOST/SMTP_PORT), and Playwright reads the mail over a small HTTP endpoint,
// GET /mails?to=<address>. Both listen on 127.0.0.1 only; memory is bounded.
import http from 'node:http'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

const MAX_MAILS = 500
const MAX_BYTES = 1024 * 1024

const listen = (server, port = 0) =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server.address().port))
  })

export async function startMailCatcher() {
  const mails = []
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_BYTES,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase())
          mails.push({
            at: new Date().toISOString(),
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          })
          if (mails.length > MAX_MAILS) mails.splice(0, mails.length - MAX_MAILS)
          callback()
        })
        .catch(callback)
    },
  })
  // A sender that drops its connection (an instance stopped mid-conversation, as the scale suite
  // does) emits 'error' here; unhandled, that would end the whole test run.
  smtp.on('error', (error) => {
    if (error?.code !== 'ECONNRESET' && error?.code !== 'EPIPE')
      console.error(`mail catcher: ${error?.message ?? error}`)
  })
  const smtpPort = await listen(smtp.server)

  const api = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method !== 'GET' || url.pathname !== '/mails') {
      res.writeHead(404).end()
      return
    }
    const to = url.searchParams.get('to')?.toLowerCase()
    const found = to ? mails.filter((m) => m.to.includes(to)) : mails
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(found))
  })
  const httpPort = await listen(api)

  const close = (server) => new Promise((resolve) => server.close(() => resolve()))
  return {
    smtpPort,
    url: `http://127.0.0.1:${httpPort}`,
    stop: () => Promise.all([new Promise((resolve) => smtp.close(resolve)), close(api)]),
  }
}
