import { hashKey, rateLimitKey } from '../comments/identity'
import { claimOnce, countInHour } from '../comments/throttle'
import { payload } from '../payload'
import { signInMail } from './mail'

/** A magic link works for this long, and once. */
export const MAGIC_LINK_MINUTES = 15
/** At most one link mail per email address per minute. */
export const LINK_EVERY_SECONDS = 60
/** At most this many link requests per client address (IPv6: per /64) per hour. */
export const LINKS_PER_ADDRESS_PER_HOUR = 10

/**
 * next-auth's sendVerificationRequest: mails the link unless this address had one less than a
 * minute ago. The answer does not wait for the mail, so a first request and a repeat look the
 * same and take about the same time: nobody learns who signed in recently (issue #11, F15).
 */
export async function sendLinkOncePerMinute(email: string, url: string): Promise<void> {
  const client = await payload()
  const free = await claimOnce(client, `signin-link:${hashKey('email', email)}`, LINK_EVERY_SECONDS)
  if (!free) return
  client.sendEmail(signInMail(email, url, MAGIC_LINK_MINUTES)).catch((error: unknown) => {
    client.logger.error({ err: error, msg: 'sign-in link mail failed' })
  })
}

/**
 * Counts a link request from this client address (kept in Postgres, like the comment limits,
 * so it holds across instances); true when the address is over the hourly cap.
 */
export async function linkRequestsExceeded(ip: string): Promise<boolean> {
  const count = await countInHour(await payload(), `signin-links:ip:${hashKey('ip', rateLimitKey(ip))}`)
  return count > LINKS_PER_ADDRESS_PER_HOUR
}
