import type { Payload } from 'payload'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { GLOBAL } from '../sharedNames.mjs'
import { apiRatePerMinute } from '../env.mjs'

/**
 * Counters for the API and staff sign-in limits, kept in PostgreSQL (table `rate_limits`, created by
 * migration 20261129_094500_staff_login) like the comment limits, so they hold across instances and
 * restarts. rate-limiter-flexible does the atomic upsert-and-count.
 */
export type LimitName = 'loginPair' | 'loginAccount' | 'loginAddress' | 'anonymousApi'

/** points per duration (seconds); blockDuration keeps a key refused after it ran out. */
export const LIMITS: Record<LimitName, { points: number; duration: number; blockDuration?: number }> = {
  // One account from one address: five wrong passwords, then wait 15 minutes.
  loginPair: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  // One account from everywhere: looser, and short, so nobody locks the owner out for long.
  loginAccount: { points: 50, duration: 10 * 60 },
  // One address across accounts (password spraying).
  loginAddress: { points: 100, duration: 60 * 60 },
  // Anonymous REST and GraphQL requests from one address.
  anonymousApi: { points: apiRatePerMinute(), duration: 60 },
}

type Pool = { query: (...args: unknown[]) => Promise<unknown> }
const LIMITERS = GLOBAL.rateLimiters
type Store = Map<unknown, Partial<Record<LimitName, RateLimiterPostgres>>>

export function limiter(payload: Payload, name: LimitName): RateLimiterPostgres {
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const store = ((globalThis as Record<symbol, unknown>)[LIMITERS] ??= new Map()) as Store
  const byName = store.get(pool) ?? {}
  store.set(pool, byName)
  return (byName[name] ??= new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: name,
    ...LIMITS[name],
  }))
}

/** Consumes a point; returns the seconds to wait when the key has none left, else 0. */
export async function consume(payload: Payload, name: LimitName, key: string): Promise<number> {
  try {
    await limiter(payload, name).consume(key)
    return 0
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    throw error
  }
}

/** Seconds until `key` may try again without consuming anything (0: it may). */
export async function waitFor(payload: Payload, name: LimitName, key: string): Promise<number> {
  const res = await limiter(payload, name).get(key)
  if (!res || res.remainingPoints > 0) return 0
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
}
