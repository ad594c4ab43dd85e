import type { EventEmitter } from 'node:events'

/**
 * node-postgres emits 'error' on a pool when one of its idle connections dies (a PostgreSQL
 * restart, a failover, an idle timeout in a proxy). With no listener that is an uncaught exception.
 * The pool drops the dead connection and opens a new one on the next query, so a warning is all
 * it needs. Used for Payload's pool (payload.config.ts onInit) and the proxy's (lib/renamedSlugs.ts, lib/redirects.ts).
 */
export function quietPool<P extends EventEmitter>(pool: P, warn: (message: string) => void = console.warn): P {
  if (!pool.listenerCount('error')) {
    pool.on('error', (error: Error & { code?: string }) => {
      warn(
        `byline: a database connection was lost (${error.code ?? error.message}); it will be reopened on the next query`,
      )
    })
  }
  return pool
}
