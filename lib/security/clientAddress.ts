import {
  CLIENT_IP_HEADER,
  CLIENT_IP_SIGNATURE_HEADER,
  rateLimitKey,
  signClientIp,
  UNKNOWN_ADDRESS,
  verifiedClientIp,
} from '../../server/clientAddress.mjs'
import { clientIpKey, setClientIpKey } from '../env.mjs'

export { CLIENT_IP_HEADER, CLIENT_IP_SIGNATURE_HEADER }

/**
 * What the API limits and the staff-login backoff count a request by: the client address the
 * launcher (server/launcher.mjs) signed onto the request, as rateLimitKey keys it (an IPv6 client by its
 * /64). A header the launcher did not sign (a bare `next start`, or a client sending it itself)
 * counts as 'unknown', so nobody picks their own address.
 */
export const clientAddress = (headers: Headers | undefined): string => {
  if (!headers) return UNKNOWN_ADDRESS
  const ip = verifiedClientIp(headers.get(CLIENT_IP_HEADER), headers.get(CLIENT_IP_SIGNATURE_HEADER), clientIpKey())
  return ip === UNKNOWN_ADDRESS ? ip : rateLimitKey(ip)
}

/** The headers the launcher adds for `ip`, signed with this process's key (tests send them too). */
export function launcherAddressHeaders(ip: string): Record<string, string> {
  const key = clientIpKey() || setClientIpKey('test-launcher-key')
  return { [CLIENT_IP_HEADER]: ip, [CLIENT_IP_SIGNATURE_HEADER]: signClientIp(ip, key) }
}
