import { siteName } from '../env.mjs'

/** The magic-link mail: plain text, the link on its own line, what it does and for how long. */
export function signInMail(to: string, url: string, minutes: number) {
  return {
    to,
    subject: `Sign in to ${siteName()}`,
    text: [
      `Follow this link to sign in to ${siteName()}:`,
      '',
      url,
      '',
      `The link works once, within ${minutes} minutes. If you did not ask for it, ignore this mail: nothing happens without the link.`,
      '',
    ].join('\n'),
  }
}
