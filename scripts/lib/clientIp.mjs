// The client's address for rate limits and moderation. The socket's peer address, unless that
// peer is a reverse proxy named in TRUSTED_PROXIES (comma-separated IPs or IPv4 CIDRs, e.g.
// "127.0.0.1,10.0.0.0/8"); only then does X-Forwarded-For count, read from the right and
// skipping trusted hops. Otherwise anyone could dodge every limit by sending that header.
import net from 'node:net'

export const CLIENT_IP_HEADER = 'x-byline-client-ip'

const normalise = (ip) => (ip?.startsWith('::ffff:') && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip ?? '')

function ipv4ToInt(ip) {
  return ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0
}

export function parseTrusted(list = '') {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [addr, bits] = entry.split('/')
      if (bits !== undefined && net.isIPv4(addr)) {
        const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0
        const base = ipv4ToInt(addr) & mask
        return (ip) => net.isIPv4(ip) && (ipv4ToInt(ip) & mask) >>> 0 === base >>> 0
      }
      return (ip) => ip === normalise(addr)
    })
}

export function clientIp(socketAddress, forwardedFor, trusted) {
  let ip = normalise(socketAddress)
  if (!trusted.some((t) => t(ip)) || !forwardedFor) return ip
  const hops = String(forwardedFor).split(',').map((s) => normalise(s.trim())).filter((s) => net.isIP(s))
  while (hops.length) {
    ip = hops.pop()
    if (!trusted.some((t) => t(ip))) return ip
  }
  return ip
}
