// The launcher's start-up check of REDIS_URL (the shared cache, server/cache/redisCacheHandler.mjs).
import { createClient } from 'redis'

/**
 * Connects once (no retries) and makes sure Redis sends the key-event notifications the cache
 * library's instances use to forget expired keys. Returns why it failed, or null.
 */
export async function checkRedis(url, timeoutMs = 5000) {
  const client = createClient({ url, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } })
  let error = null
  client.on('error', (e) => (error ??= e))
  try {
    await client.connect()
    await client.ping()
    const events = (await client.configGet('notify-keyspace-events'))['notify-keyspace-events'] ?? ''
    const hasEvents = events.includes('E') && (events.includes('A') || (events.includes('x') && events.includes('e')))
    if (!hasEvents) {
      await client.configSet('notify-keyspace-events', 'Exe').catch((e) => {
        throw new Error(
          `notify-keyspace-events is "${events}" and CONFIG SET was refused (${e.message}); set it to "Exe" in redis.conf`,
        )
      })
    }
    return null
  } catch (e) {
    return (error ?? e)?.message || String(error ?? e)
  } finally {
    await client.disconnect().catch(() => {})
  }
}
