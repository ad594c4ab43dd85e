// `npm run bench -- --instances 2`: the benchmark's server as several machines would run it, on
// this one: Debian's redis-server (REDIS_URL), two production instances A and B of the bench build
// (BYLINE_JOBS=off, one secret and server-action key), one job worker, and Debian's nginx
// balancing A and B. Measurements then go through nginx; CPU per request adds up A, B, nginx and
// Redis, so it compares with one instance's.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../../server/database.mjs'
import { NGINX, NGINX_MISSING, nginxConfig } from '../../tests/servers/nginx.mjs'
import { startRedis } from '../../tests/servers/redisServer.mjs'
import { onCleanup, start, waitForLog, waitForOk } from './processes.mjs'

/**
 * Starts the cluster; resolves { base (nginx), instances: [{ name, base, pid }], cpuPids(),
 * restart(purge) }. `env(extra)` is the bench's environment; `probe` a path that must answer 200
 * to the bypass header before an instance counts as started.
 */
export async function startCluster({ root, dataDir, env, databaseUrl, bypass, probe, log }) {
  if (!fs.existsSync(NGINX)) throw new Error(NGINX_MISSING)
  const redis = await startRedis({ dir: path.join(dataDir, 'redis') })
  onCleanup(redis.stop)
  const lbPort = await freePort()
  const base = `http://127.0.0.1:${lbPort}`
  const shared = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    // One of each for all: a staff token or a comment form made by A is good on B.
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    HOST: '127.0.0.1',
    SERVER_URL: base,
    TRUSTED_PROXIES: '127.0.0.1',
    BENCH_BYPASS_SECRET: bypass,
    BYLINE_JOBS: 'off',
  }
  const logFile = (name) => path.join(dataDir, `${name}.log`)

  const instances = []
  async function startInstance(name, port, purge) {
    const server = start(process.execPath, ['server/launcher.mjs', 'start'], {
      cwd: root,
      logFile: logFile(`server-${name}`),
      env: env({ ...shared, PORT: String(port), BYLINE_PAGE_COPY_PURGE: purge }),
    })
    const url = `http://127.0.0.1:${port}`
    await waitForOk(`${url}${probe}`, server, 180_000, { 'x-bench-bypass': bypass })
    return { name, base: url, port, pid: server.child.pid, server }
  }
  // One at a time: each start applies the migrations first.
  for (const name of ['A', 'B']) {
    const port = await freePort()
    log(`starting instance ${name} at http://127.0.0.1:${port} (log: ${logFile(`server-${name}`)})`)
    instances.push(await startInstance(name, port, 'tag'))
  }
  const worker = start(process.execPath, ['server/launcher.mjs', 'worker'], { cwd: root, logFile: logFile('worker'), env: env({ ...shared, BYLINE_JOBS: 'on' }) })
  await waitForLog(logFile('worker'), 'job worker running', worker, 180_000)
  const nginxDir = nginxConfig({ dir: path.join(dataDir, 'nginx'), port: lbPort, upstreams: instances.map((i) => `127.0.0.1:${i.port}`) })
  const nginx = start(NGINX, ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf')], { cwd: root, logFile: logFile('nginx') })
  await waitForOk(`${base}/robots.txt`, nginx, 20_000)
  log(`nginx at ${base} balancing A and B; one job worker`)

  return {
    base,
    instances,
    /** The processes whose CPU counts as serving: both instances, nginx and Redis. */
    cpuPids: () => [...instances.map((i) => i.pid), nginx.child.pid, redis.pid],
    /** Restarts A and B with BYLINE_PAGE_COPY_PURGE=`purge` (`tag` or `all`). */
    async restart(purge) {
      for (const [n, instance] of instances.entries()) {
        await instance.server.stop()
        log(`restarting instance ${instance.name} with BYLINE_PAGE_COPY_PURGE=${purge}`)
        instances[n] = await startInstance(instance.name, instance.port, purge)
      }
    },
  }
}
