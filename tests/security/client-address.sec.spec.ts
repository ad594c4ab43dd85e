import { describe, expect, it } from 'vitest'

import {
  canonicalIp,
  clientIp,
  parseTrusted,
  rateLimitKey,
  signClientIp,
  truncateIp,
  verifiedClientIp,
} from '../../server/clientAddress.mjs'

// F13: client addresses for the limits, through proxy-addr and ipaddr.js.
const trust = (list: string) => {
  const parsed = parseTrusted(list)
  expect(parsed.errors).toEqual([])
  return parsed.trust
}

describe('client address: the socket, unless a trusted proxy forwards', () => {
  it.each([
    ['no proxy configured: X-Forwarded-For is ignored', '', '203.0.113.9', '1.1.1.1', '203.0.113.9'],
    ['IPv4-mapped socket address is normalised', '', '::ffff:203.0.113.9', undefined, '203.0.113.9'],
    ['untrusted peer: its header is ignored', '127.0.0.1', '203.0.113.9', '1.1.1.1', '203.0.113.9'],
    ['trusted proxy: the forwarded client counts', '127.0.0.1', '127.0.0.1', '198.51.100.7', '198.51.100.7'],
    [
      'rightmost untrusted hop, not a spoofed leftmost one',
      '127.0.0.1,10.0.0.0/8',
      '127.0.0.1',
      '6.6.6.6, 198.51.100.7, 10.1.2.3',
      '198.51.100.7',
    ],
    ['IPv4 CIDR match', '10.0.0.0/8', '10.9.8.7', '198.51.100.8', '198.51.100.8'],
    ['garbage hop: only the proxy can be named', '127.0.0.1', '127.0.0.1', 'not-an-ip', '127.0.0.1'],
    ['IPv4 entry with a port: the port is stripped', '127.0.0.1', '127.0.0.1', '1.2.3.4:5678', '1.2.3.4'],
    ['bracketed IPv6 entry with a port', '127.0.0.1', '127.0.0.1', '[2001:db8::1]:443', '2001:db8::1'],
    ['forwarded IPv4-mapped IPv6 becomes IPv4', '127.0.0.1', '127.0.0.1', '::ffff:198.51.100.7', '198.51.100.7'],
    [
      'forwarded IPv6 in a long spelling is canonical',
      '127.0.0.1',
      '127.0.0.1',
      '2001:0DB8:0000:0000:0000:0000:0000:0001',
      '2001:db8::1',
    ],
    ['IPv6 proxy range trusts the whole range', '2001:db8::/32', '2001:db8:ffff::9', '198.51.100.9', '198.51.100.9'],
    ['IPv6 proxy range does not trust outside it', '2001:db8::/32', '2001:db9::9', '198.51.100.9', '2001:db9::9'],
    ['IPv4-mapped socket of a trusted IPv4 proxy', '127.0.0.1', '::ffff:127.0.0.1', '198.51.100.10', '198.51.100.10'],
    ['a socket without an address', '', undefined, undefined, 'unknown'],
  ])('%s', (_name, trusted, socket, forwarded, expected) => {
    expect(clientIp(socket, forwarded, trust(trusted))).toBe(expected)
  })

  it('three spellings of one IPv6 address are one sender, keyed on its /64', () => {
    const spellings = ['2001:db8:0:0:1:0:0:1', '2001:DB8::1:0:0:1', '2001:0db8:0000:0000:0001:0000:0000:0001']
    const ips = spellings.map((s) => clientIp('127.0.0.1', s, trust('127.0.0.1')))
    expect(ips).toEqual(['2001:db8::1:0:0:1', '2001:db8::1:0:0:1', '2001:db8::1:0:0:1'])
    expect(new Set(ips.map(rateLimitKey))).toEqual(new Set(['2001:db8::/64']))
  })

  it('every address of one /64 shares a rate-limit key; the next /64 does not', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2:abcd::9'].map(rateLimitKey)
    expect(keys).toEqual(['2001:db8:1:2::/64', '2001:db8:1:2::/64', '2001:db8:1:2::/64'])
    expect(rateLimitKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64')
    expect(rateLimitKey('198.51.100.7')).toBe('198.51.100.7')
    expect(rateLimitKey('::ffff:198.51.100.7')).toBe('198.51.100.7')
    expect(rateLimitKey('unknown')).toBe('unknown')
  })

  it.each([
    ['198.51.100.77', '198.51.100.0'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1::/48'],
    ['2001:db8::1', '2001:db8::/48'],
    ['::1', '::/48'],
    ['::ffff:198.51.100.77', '198.51.100.0'],
  ])('moderators see %s as %s (no "2001:db8:::")', (ip, shown) => {
    expect(truncateIp(ip)).toBe(shown)
    expect(truncateIp(ip)).not.toContain(':::')
  })

  it.each([['127.1'], ['0x7f.0.0.1'], ['1.2.3.4.5'], [''], ['2001:db8:::']])('%j is not an address', (value) => {
    expect(canonicalIp(value)).toBeNull()
  })
})

describe('TRUSTED_PROXIES is checked: one line per bad entry', () => {
  it('accepts addresses, IPv4 and IPv6 ranges and proxy-addr names', () => {
    const { errors, trust: t } = parseTrusted(' 127.0.0.1, 10.0.0.0/8 ,2001:db8::/32,::1,loopback')
    expect(errors).toEqual([])
    expect(typeof t).toBe('function')
  })

  it('refuses a prefix too long, garbage and a broken IPv6 range, naming each', () => {
    const { errors, trust: t } = parseTrusted('10.0.0.0/33,garbage,127.0.0.1,2001:db8::/129,10.0.0.0/8/1,1.2.3.4/x')
    expect(t).toBeNull()
    expect(errors).toEqual([
      'TRUSTED_PROXIES: "10.0.0.0/33" has a bad prefix length (0 to 32)',
      'TRUSTED_PROXIES: "garbage" is not an IP address or CIDR range',
      'TRUSTED_PROXIES: "2001:db8::/129" has a bad prefix length (0 to 128)',
      'TRUSTED_PROXIES: "10.0.0.0/8/1" is not an IP address or CIDR range',
      'TRUSTED_PROXIES: "1.2.3.4/x" has a bad prefix length (0 to 32)',
    ])
  })
})

// F20: the app believes the address header only with this process's launcher signature.
describe('the client-address header is believed only when the launcher signed it', () => {
  const key = 'k'.repeat(64)
  it('the launcher-signed address is used', () => {
    expect(verifiedClientIp('198.51.100.7', signClientIp('198.51.100.7', key), key)).toBe('198.51.100.7')
  })
  it.each([
    ['no signature (a client sent the header to a plain next start)', '6.6.6.6', null, key],
    ['a signature for another address', '6.6.6.6', signClientIp('198.51.100.7', key), key],
    ['a signature made with another key', '6.6.6.6', signClientIp('6.6.6.6', 'other'), key],
    [
      'no launcher key at all (plain next start), even with a signature',
      '6.6.6.6',
      signClientIp('6.6.6.6', ''),
      undefined,
    ],
    ['a truncated signature', '6.6.6.6', signClientIp('6.6.6.6', key).slice(0, 10), key],
  ])('%s: unknown', (_name, ip, signature, k) => {
    expect(verifiedClientIp(ip, signature, k)).toBe('unknown')
  })
})

describe('the launcher refuses to start with a bad TRUSTED_PROXIES', () => {
  it('prints one line per bad entry and exits 1, before touching the database', async () => {
    const { spawn } = await import('node:child_process')
    const env = {
      ...process.env,
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      PAYLOAD_SECRET: 'x',
      TRUSTED_PROXIES: '10.0.0.0/33, garbage ,127.0.0.1',
    }
    const child = spawn(process.execPath, ['server/launcher.mjs', 'start'], { env })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      'byline: TRUSTED_PROXIES: "10.0.0.0/33" has a bad prefix length (0 to 32)',
      'byline: TRUSTED_PROXIES: "garbage" is not an IP address or CIDR range',
    ])
  })
})
