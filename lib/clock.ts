import { testClockEnabled } from './env.mjs'
import { GLOBAL } from './sharedNames.mjs'
/**
 * The server's notion of "now". In production it is the system clock. End-to-end tests shift it
 * (to step past the 10-minute edit window without sleeping) through /test-only/clock, which
 * exists only when BYLINE_TEST_CLOCK=1; the offset lives on globalThis so every server bundle
 * of this process sees the same value. Every rule that depends on the time reads it; only the
 * flood and rate-limit windows shared by all instances (lib/comments/throttle.ts, rate-limiter-
 * flexible) count on the database's clock, the one clock those instances share.
 */
const KEY = GLOBAL.testClockOffsetMs
type Holder = { [KEY]?: number }

export { testClockEnabled }

export function clockOffsetMs(): number {
  return testClockEnabled() ? ((globalThis as Holder)[KEY] ?? 0) : 0
}

export function setClockOffsetMs(ms: number): void {
  if (!testClockEnabled()) throw new Error('The test clock is off (BYLINE_TEST_CLOCK is not 1).')
  ;(globalThis as Holder)[KEY] = ms
}

export const now = () => new Date(Date.now() + clockOffsetMs())
