import { headers } from 'next/headers'

import {
  CLIENT_IP_HEADER,
  CLIENT_IP_KEY_ENV,
  CLIENT_IP_SIGNATURE_HEADER,
  verifiedClientIp,
} from './clientAddress.mjs'

type HeaderBag = { get: (name: string) => string | null }

/**
 * The client's address as the launcher (scripts/run.mjs) signed it; "unknown" when the header
 * is missing or not signed by this process's launcher (a plain `next start`, or a client sending
 * the header itself), so nobody picks their own address for the limits.
 */
export const clientAddressFrom = (h: HeaderBag): string =>
  verifiedClientIp(h.get(CLIENT_IP_HEADER), h.get(CLIENT_IP_SIGNATURE_HEADER), process.env[CLIENT_IP_KEY_ENV])

/** The current request's client address and user agent, for server actions. */
export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers()
  return { ip: clientAddressFrom(h), userAgent: h.get('user-agent') || '' }
}
