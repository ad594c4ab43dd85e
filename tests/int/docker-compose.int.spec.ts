import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// docker-compose.yml's `scale` profile, as Compose itself reads it: `docker compose` (v2) or
// Debian's `docker-compose` (1.29, which .ci/run installs when neither is there). Validating
// needs no Docker daemon; running the images does, and is not part of the tests.
function compose(): string[] {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) return ['docker', 'compose']
  if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) return ['docker-compose']
  throw new Error(
    'neither `docker compose` nor `docker-compose` is installed: apt-get install docker-compose (.ci/run does)',
  )
}

type Service = {
  profiles?: string[]
  healthcheck?: { test?: unknown }
  environment?: Record<string, string>
  command?: string[] | string
  depends_on?: Record<string, { condition: string }>
  volumes?: (string | { source?: string; target?: string })[]
}

describe('docker-compose.yml', () => {
  const [bin, ...args] = compose()
  // Settings a user exports before `up`; `config` must validate without them too.
  const config = (extra: string[], env: Record<string, string> = {}) =>
    execFileSync(bin, [...args, ...extra], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })

  it('`--profile scale config` validates, with or without the secrets set', () => {
    expect(() => config(['--profile', 'scale', 'config', '-q'])).not.toThrow()
    expect(() =>
      config(['--profile', 'scale', 'config', '-q'], {
        PAYLOAD_SECRET: 'x'.repeat(64),
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
      }),
    ).not.toThrow()
  })

  it('the scale profile: a balancer, two app instances, one worker, a primary and a replica, Redis and MinIO, with health checks', () => {
    const { services } = parse(config(['--profile', 'scale', 'config'])) as { services: Record<string, Service> }
    expect(Object.keys(services).sort()).toEqual([
      'app-a',
      'app-b',
      'db',
      'db-replica',
      'lb',
      'minio',
      'minio-bucket',
      'redis',
      'worker',
    ])
    for (const name of ['db', 'db-replica', 'redis', 'minio', 'app-a', 'app-b', 'lb', 'worker']) {
      expect(services[name].healthcheck?.test, name).toBeTruthy()
    }
    // The worker serves no HTTP: its check reads the heartbeat server/worker.ts writes (below).
    expect(services.worker.healthcheck?.test).toEqual(['CMD', 'node', 'server/workerHealth.mjs'])
    for (const name of ['app-a', 'app-b', 'worker']) {
      const env = services[name].environment!
      expect(env.DATABASE_URL, name).toMatch(/@db:5432\//)
      expect(env.DATABASE_READ_URLS, name).toMatch(/@db-replica:5432\//)
      expect(env.REDIS_URL, name).toBe('redis://redis:6379')
      expect(env.S3_ENDPOINT, name).toBe('http://minio:9000')
      expect(env.BYLINE_JOBS, name).toBe(name === 'worker' ? 'on' : 'off')
      expect(services[name].depends_on?.db?.condition, name).toBe('service_healthy')
    }
    expect([services.worker.command].flat().join(' ')).toContain('server/launcher.mjs worker')
    // One start at a time: the first instance applies the migrations.
    expect(services['app-b'].depends_on?.['app-a']?.condition).toBe('service_healthy')
    expect(services['db-replica'].profiles).toEqual(['scale'])
    expect(services.db.profiles ?? []).toEqual([])
  })

  it("the worker's health check: healthy while its heartbeat file is under a minute old, not without one or with an old one", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-worker-health-'))
    const probe = () =>
      spawnSync(process.execPath, ['server/workerHealth.mjs'], {
        env: { ...process.env, TMPDIR: tmp },
        encoding: 'utf8',
      })
    const file = path.join(tmp, 'byline-worker-heartbeat')
    try {
      const missing = probe()
      expect(missing.status).toBe(1)
      expect(missing.stderr).toContain(`has not written ${file}`)
      fs.writeFileSync(file, new Date().toISOString())
      expect(probe().status).toBe(0)
      const old = new Date(Date.now() - 61_000)
      fs.utimesSync(file, old, old)
      expect(probe().status).toBe(1)
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })

  it('the balancer sends to both instances; the primary lets the replica stream', () => {
    const nginx = fs.readFileSync('deploy/nginx/byline.conf', 'utf8')
    expect(nginx).toMatch(/server app-a:3000/)
    expect(nginx).toMatch(/server app-b:3000/)
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For/)
    expect(fs.readFileSync('deploy/postgres/allow-replication.sh', 'utf8')).toMatch(
      /echo "host replication \$\{POSTGRES_USER\} all scram-sha-256" >> "\$PGDATA\/pg_hba.conf"/,
    )
    expect(fs.statSync('deploy/postgres/allow-replication.sh').mode & 0o111).not.toBe(0)
  })
})
