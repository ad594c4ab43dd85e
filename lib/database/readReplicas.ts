import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import { withReplicas } from '@payloadcms/db-postgres/drizzle/pg-core'
import pg from 'pg'
import type { Payload } from 'payload'

import { readReplicaUrls } from '../env.mjs'
import { describeReplica } from './readReplicaUrls.mjs'
import { replicaReadAllowed } from './readRouting.mjs'

/**
 * Read replicas (DATABASE_READ_URLS) behind Payload's database adapter. Reads made while serving
 * an anonymous GET go to a replica (lib/database/readRouting.mjs says which); everything else, and
 * everything within Payload's window after a write, goes to the primary.
 *
 * Payload's own `readReplicas` option is not used: it connects each replica once at start with a
 * promise nobody awaits, so a replica that is down when an instance starts ends the process
 * (an unhandled rejection), and a replica lost later fails every read routed to it. Here a
 * replica that cannot be reached is left out: the read is made again on the primary, one warning
 * is logged per outage, and the replica is tried again every few seconds until it answers.
 */
const RETRY_MS = 3_000
// Connection failures (refused, reset, shut down, not yet accepting connections): anything else
// is the query's own error and is thrown as it would be on the primary.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
])

export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  if (code && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message ?? '',
  )
}

type Query = pg.Pool['query']
type Adapter = {
  drizzle: unknown
  primaryDrizzle?: unknown
  pool: pg.Pool
  poolOptions?: pg.PoolConfig
  schema: Record<string, unknown>
  logger?: unknown
  readPools?: pg.Pool[]
}

/** A replica's pool whose reads fall back to the primary while the replica cannot be reached. */
export function replicaPool(
  url: string,
  primary: pg.Pool,
  options: pg.PoolConfig,
  log: { warn: (m: string) => void; info: (m: string) => void },
) {
  const pool = new pg.Pool({ ...options, connectionString: url, connectionTimeoutMillis: 2_000 })
  const name = describeReplica(url)
  const own = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>
  const onPrimary = primary.query.bind(primary) as (...args: unknown[]) => Promise<unknown>
  let down = false
  let retry: NodeJS.Timeout | undefined

  const markDown = (error: unknown) => {
    if (down) return
    down = true
    log.warn(
      `read replica ${name} cannot be reached (${(error as Error)?.message ?? error}): reads go to the primary until it answers again`,
    )
    retry = setInterval(async () => {
      try {
        await own('select 1')
        down = false
        clearInterval(retry)
        log.info(`read replica ${name} answers again: reader pages read from it`)
      } catch {
        // still down; the warning was logged once
      }
    }, RETRY_MS)
    retry.unref()
  }
  pool.on('error', (error) => {
    if (isConnectionError(error)) markDown(error)
  })
  pool.query = (async (...args: unknown[]) => {
    if (down) return onPrimary(...args)
    try {
      return await own(...args)
    } catch (error) {
      if (!isConnectionError(error)) throw error
      markDown(error)
      return onPrimary(...args)
    }
  }) as unknown as Query
  return pool
}

/** Puts the replicas of DATABASE_READ_URLS behind `payload.db`; called from payload.config's onInit. */
export function routeReadsToReplicas(payload: Payload, urls = readReplicaUrls()) {
  if (!urls.length) return
  const adapter = payload.db as unknown as Adapter
  const primary = adapter.drizzle as Parameters<typeof withReplicas>[0]
  const log = { warn: (m: string) => payload.logger.warn(m), info: (m: string) => payload.logger.info(m) }
  const pools = urls.map((url) => replicaPool(url, adapter.pool, adapter.poolOptions ?? {}, log))
  // Raw SQL reads of reader pages (lib/sql.ts readPoolOf) use the same pools.
  adapter.readPools = pools
  const replicas = pools.map(
    (pool) =>
      drizzle({ client: pool, schema: adapter.schema }) as unknown as Parameters<typeof withReplicas>[1][number],
  )
  let next = 0
  adapter.primaryDrizzle = primary
  adapter.drizzle = withReplicas(primary, replicas as [(typeof replicas)[number], ...typeof replicas], (all) => {
    if (!replicaReadAllowed()) return primary as unknown as (typeof all)[number]
    next = (next + 1) % all.length
    return all[next]
  })
  payload.logger.info(
    `reader pages read from ${urls.length} replica${urls.length === 1 ? '' : 's'}: ${urls.map(describeReplica).join(', ')}`,
  )
}
