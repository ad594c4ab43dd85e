import os from 'node:os'

import { isProduction, port as listenPort } from '../env.mjs'

/**
 * Origins from which the admin's session cookie is accepted, besides SERVER_URL's (Payload adds
 * that one itself). Payload ignores the `payload-token` cookie on a request whose Origin it does
 * not list, so an admin opened at http://127.0.0.1:3000 while SERVER_URL says localhost signs in
 * and then answers every save with 403. In development the admin works at every address this
 * machine answers on: localhost, the loopback addresses and each network interface's address, on
 * PORT. In production only SERVER_URL counts; the login page says so to anyone elsewhere
 * (components/admin/WrongOriginNotice.tsx).
 */
export function extraAdminOrigins({ production = isProduction(), port = listenPort() } = {}): string[] {
  if (production) return []
  const interfaces = Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => Boolean(i) && !i!.address.includes('%'))
    .map((i) => (i.family === 'IPv6' ? `[${i.address}]` : i.address))
  const hosts = ['localhost', '127.0.0.1', '[::1]', os.hostname(), ...interfaces]
  return [...new Set(hosts.map((host) => `http://${host}:${port}`))]
}
