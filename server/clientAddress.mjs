// The client's address, from the socket to the rate-limit key, with proxy-addr and ipaddr.js
// rather than hand-written parsing (ports, IPv4-mapped IPv6, many spellings of one IPv6 address
// and CIDR arithmetic are where hand-written code went wrong: issue #11, F13).
//
// - The launcher (server/launcher.mjs) works out the address: the socket's peer, unless that peer is
//   a reverse proxy named in TRUSTED_PROXIES; only then does X-Forwarded-For count, read from the
//   right, skipping trusted hops (proxy-addr). It writes it, canonical, into CLIENT_IP_HEADER and
//   signs it with a key made for this process (CLIENT_IP_SIGNATURE_HEADER, F20).
// - The app (lib/requestAddress.ts) believes the header only with a valid signature, so a client
//   that sends the header itself to a plain `next start` gains nothing.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

import ipaddr from 'ipaddr.js'
import proxyAddr from 'proxy-addr'

import { CLIENT_IP_KEY_ENV } from '../lib/env.mjs'
import { HEADER } from '../lib/sharedNames.mjs'

export const CLIENT_IP_HEADER = HEADER.clientIp
export const CLIENT_IP_SIGNATURE_HEADER = HEADER.clientIpSignature
/** The launcher's per-process key, handed to the Next app it runs in-process (never configured). */
export { CLIENT_IP_KEY_ENV }
/** What the app uses when it cannot tell who sent a request: all such requests share limits. */
export const UNKNOWN_ADDRESS = 'unknown'

/** proxy-addr's names for ranges, allowed in TRUSTED_PROXIES as they are in Express. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** An IP address as one canonical string: IPv4-mapped IPv6 becomes IPv4, IPv6 in RFC 5952 form. */
export function canonicalIp(value) {
  const text = String(value ?? '').trim()
  if (!ipaddr.isValid(text)) return null
  const addr = ipaddr.process(text)
  // ipaddr.js also reads "127.1" and "0x7f.0.0.1" as IPv4: addresses in headers are dotted quads.
  if (addr.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(text.replace(/^::ffff:/i, ''))) return null
  return addr.toString()
}

/** One X-Forwarded-For entry without its port: `1.2.3.4:5678`, `[2001:db8::1]:443`, `"[::1]"`. */
export function stripPort(entry) {
  const text = String(entry)
    .trim()
    .replace(/^"(.*)"$/, '$1')
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)
  if (bracketed) return bracketed[1]
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text)
  return v4WithPort ? v4WithPort[1] : text
}

/** Whether one TRUSTED_PROXIES entry is valid: an address, a CIDR range or a proxy-addr range name. */
function trustedEntryError(entry) {
  if (RANGE_NAMES.has(entry)) return null
  const [address, bits, extra] = entry.split('/')
  if (extra !== undefined || !canonicalIp(address)) return `"${entry}" is not an IP address or CIDR range`
  if (bits === undefined) return null
  const max = ipaddr.parse(address).kind() === 'ipv4' ? 32 : 128
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return `"${entry}" has a bad prefix length (0 to ${max})`
  return null
}

/**
 * TRUSTED_PROXIES ("127.0.0.1,10.0.0.0/8,2001:db8::/32,loopback") checked and compiled.
 * Returns the trust function, or the list of problems (one line each) when any entry is bad.
 */
export function parseTrusted(list = '') {
  const entries = String(list)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const errors = entries
    .map(trustedEntryError)
    .filter(Boolean)
    .map((e) => `TRUSTED_PROXIES: ${e}`)
  if (errors.length) return { errors, trust: null }
  return { errors: [], trust: proxyAddr.compile(entries) }
}

/**
 * The client's canonical address. `trust` comes from parseTrusted. A forwarded entry that is not
 * an address stops the walk: the last trusted hop (the proxy) is all that can be named.
 */
export function clientIp(socketAddress, forwardedFor, trust) {
  const socket = canonicalIp(socketAddress) ?? UNKNOWN_ADDRESS
  if (!trust || !forwardedFor || socket === UNKNOWN_ADDRESS) return socket
  const hops = String(forwardedFor)
    .split(',')
    .map((hop) => canonicalIp(stripPort(hop)) ?? 'invalid')
  const cut = hops.lastIndexOf('invalid')
  const req = {
    connection: { remoteAddress: socket },
    socket: { remoteAddress: socket },
    headers: { 'x-forwarded-for': hops.slice(cut + 1).join(', ') },
  }
  return canonicalIp(proxyAddr(req, trust)) ?? socket
}

/** The key each launcher process signs addresses with. */
export const newClientIpKey = () => randomBytes(32).toString('hex')

export const signClientIp = (ip, key) => createHmac('sha256', key).update(`client-ip:${ip}`).digest('hex')

/** The address in the header when its signature is this process's; otherwise UNKNOWN_ADDRESS. */
export function verifiedClientIp(ip, signature, key) {
  if (!key || !ip || !signature) return UNKNOWN_ADDRESS
  const expected = Buffer.from(signClientIp(ip, key))
  const sent = Buffer.from(String(signature))
  return sent.length === expected.length && timingSafeEqual(sent, expected) ? ip : UNKNOWN_ADDRESS
}

/**
 * The key rate limits count by: an IPv4 address, or the /64 an IPv6 address lies in (one
 * subscriber gets a whole /64, so keying on the full address gives them endless addresses).
 */
export function rateLimitKey(ip) {
  const canonical = canonicalIp(ip)
  if (!canonical) return UNKNOWN_ADDRESS
  return prefixOf(canonical, 64)
}

/** What moderators see of an address: IPv4 to its /24, IPv6 to its /48 (`2001:db8:1::/48`). */
export function truncateIp(ip) {
  const canonical = canonicalIp(ip)
  if (!canonical) return String(ip ?? '').slice(0, 45)
  return ipaddr.parse(canonical).kind() === 'ipv4'
    ? prefixOf(canonical, 24).replace(/\/24$/, '')
    : prefixOf(canonical, 48)
}

/** IPv4 stays whole unless bits < 32; IPv6 becomes its network `prefix/bits`. */
function prefixOf(canonical, bits) {
  const addr = ipaddr.parse(canonical)
  if (addr.kind() === 'ipv4') {
    if (bits >= 32) return canonical
    return `${ipaddr.IPv4.networkAddressFromCIDR(`${canonical}/${bits}`).toString()}/${bits}`
  }
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${canonical}/${bits}`).toString()}/${bits}`
}
