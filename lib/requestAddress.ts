import { headers } from 'next/headers'

import { CLIENT_IP_HEADER, CLIENT_IP_SIGNATURE_HEADER, verifiedClientIp } from '../server/clientAddress.mjs'
import { clientIpKey } from './env.mjs'

type HeaderBag = { get: (name: string) => string | null }

/**
 * The client's address as the launcher (server/launcher.mjs) signed it; "unknown" when the header
 * is missing or not signed by this process's launcher (a plain `next start`, or a client sending
 * the header itself), so nobody picks their own address for the limits.
 */
export const clientAddressFrom = (h: HeaderBag): string =>
  verifiedClientIp(h.get(CLIENT_IP_HEADER), h.get(CLIENT_IP_SIGNATURE_HEADER), clientIpKey())

/** The current request's client address and user agent, for server actions. */
export async function requestMeta(): Promise<{ ip: string; userAgent: string }> {
  const h = await headers()
  return { ip: clientAddressFrom(h), userAgent: h.get('user-agent') || '' }
}
