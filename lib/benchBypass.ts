import { timingSafeEqual } from 'crypto'
import { headers } from 'next/headers'

import { benchBypassSecret } from './env.mjs'

export const BENCH_BYPASS_HEADER = 'x-bench-bypass'

/**
 * True when this server was started with BENCH_BYPASS_SECRET and the request carries the same
 * value in the X-Bench-Bypass header: `npm run bench` measures the uncached article page so.
 */
export async function benchBypassAllowed(): Promise<boolean> {
  const secret = benchBypassSecret()
  const sent = (await headers()).get(BENCH_BYPASS_HEADER)
  if (!secret || !sent) return false
  const [a, b] = [Buffer.from(secret), Buffer.from(sent)]
  return a.length === b.length && timingSafeEqual(a, b)
}
