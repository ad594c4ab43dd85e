import { describe, expect, it } from 'vitest'

import { clientIp, parseTrusted } from '../../scripts/lib/clientIp.mjs'

describe('client address for limits: the socket, unless a trusted proxy forwards', () => {
  it.each([
    ['no proxy configured: X-Forwarded-For is ignored', '', '203.0.113.9', '1.1.1.1', '203.0.113.9'],
    ['IPv4-mapped socket address is normalised', '', '::ffff:203.0.113.9', undefined, '203.0.113.9'],
    ['untrusted peer: its header is ignored', '127.0.0.1', '203.0.113.9', '1.1.1.1', '203.0.113.9'],
    ['trusted proxy: the forwarded client counts', '127.0.0.1', '127.0.0.1', '198.51.100.7', '198.51.100.7'],
    ['trusted proxy: rightmost untrusted hop, not a spoofed leftmost one', '127.0.0.1,10.0.0.0/8', '127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3', '198.51.100.7'],
    ['CIDR match', '10.0.0.0/8', '10.9.8.7', '198.51.100.8', '198.51.100.8'],
    ['garbage in the header is skipped', '127.0.0.1', '127.0.0.1', 'not-an-ip', '127.0.0.1'],
  ])('%s', (_name, trusted, socket, forwarded, expected) => {
    expect(clientIp(socket, forwarded, parseTrusted(trusted))).toBe(expected)
  })
})
