import { spawn } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { afterAll, describe, expect, it } from 'vitest'

import { startRedis } from '../servers/redisServer.mjs'
import { startS3Server } from '../servers/s3Server.mjs'

/** Runs the launcher as a user would (`npm run migrate` etc.), with a clean environment. */
function launcher(args: string[], env: Record<string, string | undefined>, { killOn }: { killOn?: RegExp } = {}) {
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        ![
          'DATABASE_URL',
          'DATABASE_READ_URLS',
          'PAYLOAD_SECRET',
          'NODE_ENV',
          'REDIS_URL',
          'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
        ].includes(k),
    ),
  )
  const child = spawn(process.execPath, ['server/launcher.mjs', ...args], {
    env: { ...baseEnv, ...env } as NodeJS.ProcessEnv,
  })
  let stdout = ''
  let stderr = ''
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.stdout.on('data', (d) => {
      stdout += d
      if (killOn?.test(stdout)) child.kill('SIGKILL')
    })
    child.stderr.on('data', (d) => (stderr += d))
    // 'close', not 'exit': all output (also the grandchildren's) has been read by then.
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

describe('start-up failures print one clear line and exit non-zero', () => {
  it('database unreachable: names DATABASE_URL and the reason', async () => {
    const { code, stderr } = await launcher(['migrate'], { DATABASE_URL: 'postgres://someone:pw@127.0.0.1:1/nothing' })
    expect(code).not.toBe(0)
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/DATABASE_URL/)
    expect(lines[0]).toMatch(/ECONNREFUSED/)
    expect(lines[0]).not.toContain(':pw@')
  })

  it('production with a page-copy size that is not a number', async () => {
    const { code, stderr } = await launcher(['start'], {
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      PAYLOAD_SECRET: 'x',
      BYLINE_PAGE_CACHE_MB: 'lots',
    })
    expect(code).not.toBe(0)
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('BYLINE_PAGE_CACHE_MB must be a whole number')])
  })

  it('a read replica URL that is not a postgres:// URL (a replica that is down is not an error)', async () => {
    const { code, stderr } = await launcher(['start'], {
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      PAYLOAD_SECRET: 'x',
      DATABASE_READ_URLS: 'postgres://r@127.0.0.1:1/r, mysql://r:secret@replica/r',
    })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringContaining('DATABASE_READ_URLS: "mysql:" is not postgres://'),
    ])
    expect(stderr).not.toContain('secret')
  })

  it('a time zone that does not exist', async () => {
    const { code, stderr } = await launcher(['start'], {
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      PAYLOAD_SECRET: 'x',
      SITE_TIMEZONE: 'Mars/Olympus',
    })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringContaining('SITE_TIMEZONE is not a time zone name: "Mars/Olympus"'),
    ])
  })

  it('a purge webhook that is not an http(s) URL, and BYLINE_SURROGATE_KEYS that is not 1 or 0', async () => {
    const base = { DATABASE_URL: 'postgres://x@127.0.0.1:1/x', PAYLOAD_SECRET: 'x' }
    for (const [env, message] of [
      [
        { BYLINE_PURGE_URL: 'varnish:6081/purge' },
        'BYLINE_PURGE_URL must be an http:// or https:// address, not varnish:',
      ],
      [{ BYLINE_PURGE_URL: 'http//varnish/purge' }, 'BYLINE_PURGE_URL is not a URL: "http//varnish/purge"'],
      [{ BYLINE_PURGE_URL: 'https://user:pw@cdn.example/purge' }, 'BYLINE_PURGE_URL must not carry a user or password'],
      [{ BYLINE_SURROGATE_KEYS: 'yes' }, 'BYLINE_SURROGATE_KEYS must be 1'],
    ] as const) {
      const { code, stderr } = await launcher(['start'], { ...base, ...env })
      expect(code).toBe(1)
      expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(message)])
    }
    // The worker expires tags too, so it checks the same; every problem is named at once.
    const worker = await launcher(['worker'], { ...base, BYLINE_PURGE_URL: 'ftp://cdn.example/' })
    expect(worker.code).toBe(1)
    expect(worker.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('BYLINE_PURGE_URL must be an http:// or https:// address, not ftp:'),
      expect.stringContaining('npm run worker needs REDIS_URL'),
    ])
  })

  it('names every bad setting at once, one line each, before touching the database', async () => {
    const { code, stderr } = await launcher(['start'], {
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      PAYLOAD_SECRET: 'x',
      SITE_TIMEZONE: 'Mars/Olympus',
      BYLINE_PAGE_CACHE_MB: 'lots',
      BYLINE_API_RATE_PER_MINUTE: '-5',
      TRUSTED_PROXIES: '10.0.0.0/33',
    })
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    expect(lines).toEqual([
      'byline: BYLINE_PAGE_CACHE_MB must be a whole number of megabytes (0 turns the page copy off), not "lots".',
      'byline: BYLINE_API_RATE_PER_MINUTE must be a whole number of requests above 0, not "-5".',
      'byline: SITE_TIMEZONE is not a time zone name: "Mars/Olympus" (use an IANA name such as Europe/Paris).',
      expect.stringMatching(/^byline: TRUSTED_PROXIES.*10\.0\.0\.0\/33/),
    ])
    expect(stderr).not.toContain('DATABASE_URL')
  })

  it('Redis unreachable: names REDIS_URL and the reason', async () => {
    const { code, stderr } = await launcher(['start'], {
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      PAYLOAD_SECRET: 'x',
      REDIS_URL: 'redis://:secret@127.0.0.1:1',
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    })
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/cannot connect to REDIS_URL .*ECONNREFUSED/)
    expect(lines[0]).not.toContain('secret')
  })

  it('several instances (REDIS_URL) without NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, and a worker without REDIS_URL', async () => {
    const redis = await startRedis({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'byline-redis-')) })
    try {
      for (const key of [undefined, 'not-a-key']) {
        const env = {
          DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
          PAYLOAD_SECRET: 'x',
          REDIS_URL: redis.url,
          NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key,
        }
        const { code, stderr } = await launcher(['start'], env)
        expect(code).toBe(1)
        expect(stderr.trim().split('\n')).toEqual([
          expect.stringContaining('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a base64 AES key'),
        ])
      }
    } finally {
      await redis.stop()
    }
    const { code, stderr } = await launcher(['worker'], {
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
      PAYLOAD_SECRET: 'x',
      REDIS_URL: undefined,
    })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('npm run worker needs REDIS_URL')])
  })

  it('production without PAYLOAD_SECRET', async () => {
    const { code, stderr } = await launcher(['start'], { DATABASE_URL: 'postgres://x@127.0.0.1:1/x' })
    expect(code).not.toBe(0)
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('PAYLOAD_SECRET is not set')])
  })

  it('media on S3: partial settings, a bucket that does not exist, an endpoint that does not answer', async () => {
    const base = { DATABASE_URL: 'postgres://x@127.0.0.1:1/x', PAYLOAD_SECRET: 'x' }
    const keys = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }
    const s3 = await startS3Server({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'byline-s3-')) })
    const cases: [Record<string, string>, string][] = [
      [{ S3_BUCKET: 'media' }, 'S3_BUCKET is set but S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are not'],
      [{ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'a' }, 'S3_BUCKET is set but S3_SECRET_ACCESS_KEY is not'],
      [
        { S3_ENDPOINT: s3.endpoint, ...keys },
        'S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are set but S3_BUCKET is not',
      ],
      [{ S3_BUCKET: 'media', ...keys, S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE must be true or false'],
      [
        { S3_BUCKET: 'media', ...keys, S3_ENDPOINT: '127.0.0.1:9000' },
        'S3_ENDPOINT must be an http:// or https:// address',
      ],
      [
        { ...s3.env, S3_BUCKET: 'no-such-bucket' },
        `cannot use S3_BUCKET (bucket no-such-bucket at ${s3.endpoint}): no such bucket`,
      ],
      [
        { ...s3.env, S3_ENDPOINT: 'http://127.0.0.1:1' },
        'cannot use S3_BUCKET (bucket byline-media at http://127.0.0.1:1): ECONNREFUSED',
      ],
    ]
    try {
      for (const [env, line] of cases) {
        const { code, stderr } = await launcher(['start'], { ...base, ...env })
        expect(code, JSON.stringify(env)).toBe(1)
        expect(stderr.trim().split('\n'), JSON.stringify(env)).toEqual([expect.stringContaining(line)])
      }
    } finally {
      await s3.stop()
    }
    const { code, stderr } = await launcher(['media:to-s3'], base)
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('npm run media:to-s3 needs S3_BUCKET')])
  })
})

describe('payload scripts', () => {
  // A script that stalls used to exit 0 having done nothing (a seed that seeded nothing, a
  // benchmark moderator without a password). It must fail with a clear line.
  it('a script that never finishes fails with a clear line instead of passing as done', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-stall-'))
    const script = path.join(dir, 'stall.mts')
    fs.writeFileSync(script, "await new Promise(() => {})\nconsole.log('finished')\n")
    try {
      const { code, stdout, stderr } = await launcher(['payload', 'run', script], {
        DATABASE_URL: process.env.DATABASE_URL,
      })
      expect(code).toBe(75)
      expect(stdout).not.toContain('finished')
      expect(stderr.match(/stopped before it finished/g)).toHaveLength(1)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('stopping the launcher', () => {
  it('SIGTERM reaches the script it runs (the job worker, an import): neither is left running', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-stop-'))
    const script = path.join(dir, 'forever.mts')
    fs.writeFileSync(
      script,
      'console.log(`script pid ${process.pid}`)\nsetInterval(() => {}, 1000)\nawait new Promise(() => {})\n',
    )
    const child = spawn(process.execPath, ['server/launcher.mjs', 'payload', 'run', script], {
      env: { ...process.env, NODE_ENV: 'test' },
    })
    let scriptPid = 0
    try {
      let stdout = ''
      scriptPid = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d
          const pid = stdout.match(/script pid (\d+)/)?.[1]
          if (pid) resolve(Number(pid))
        })
        child.on('exit', (code) => reject(new Error(`the launcher exited (${code}) before the script ran: ${stdout}`)))
      })
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0)
          return true
        } catch {
          return false
        }
      }
      expect(alive(scriptPid)).toBe(true)
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      expect(await exited).not.toBe(0)
      await expect.poll(() => alive(scriptPid), { timeout: 5_000, interval: 50 }).toBe(false)
    } finally {
      child.kill('SIGKILL')
      if (scriptPid) spawn('kill', ['-9', String(scriptPid)], { stdio: 'ignore' }) // gone already when the test passed
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('embedded PostgreSQL (DATABASE_URL unset)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-embedded-'))
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('starts, migrates, reuses its data on the next start, and survives a SIGKILLed run', async () => {
    const first = await launcher(['migrate'], { BYLINE_DATA_DIR: dataDir })
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('Migrated:')
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true)

    // Same data: the migration is already applied, so nothing new runs.
    const second = await launcher(['migrate'], { BYLINE_DATA_DIR: dataDir })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).not.toContain('Migrated:')

    // Killed hard while the database runs: no stale pid or lock may block the next start.
    const killed = await launcher(['db'], { BYLINE_DATA_DIR: dataDir }, { killOn: /DATABASE_URL=postgres/ })
    expect(killed.code).toBe(null)
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true)

    const afterKill = await launcher(['migrate'], { BYLINE_DATA_DIR: dataDir })
    expect(afterKill.code, afterKill.stderr).toBe(0)
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false)
  }, 240_000)
})

describe('a start with no pending migration (#11 F19)', () => {
  // This file's own throwaway database (tests/helpers/throwawayDatabase.ts).
  const url = process.env.DATABASE_URL as string

  it('checks payload_migrations itself and skips the payload CLI', async () => {
    const first = await launcher(['migrate'], { DATABASE_URL: url })
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('Migrated:')
    const second = await launcher(['migrate'], { DATABASE_URL: url })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain('byline: no pending migrations')
    // The payload CLI would have loaded the config and said so.
    expect(second.stdout).not.toContain('Reading migration files')
    expect(second.stdout).not.toContain('No migrations to run')
  }, 180_000)
})

describe('loading the editor outside Next', () => {
  // Without the launcher's export condition, most plain imports of the Lexical editor drained
  // before running a line (tests above would pass or fail by luck). Each of these must finish.
  it.each(['production', 'development'] as const)(
    'imports @payloadcms/richtext-lexical every time (NODE_ENV=%s)',
    async (nodeEnv) => {
      const { exportConditions } = await import('../../server/exportConditions.mjs')
      const code = "await import('@payloadcms/richtext-lexical'); console.log('loaded')"
      const runs = await Promise.all(
        Array.from({ length: 6 }, () => {
          return new Promise<{ code: number | null; stdout: string }>((resolve) => {
            const child = spawn(process.execPath, [exportConditions(nodeEnv), '--input-type=module', '-e', code], {
              env: { ...process.env, NODE_ENV: nodeEnv } as NodeJS.ProcessEnv,
            })
            let stdout = ''
            child.stdout.on('data', (d) => (stdout += d))
            child.on('exit', (exit) => resolve({ code: exit, stdout }))
          })
        }),
      )
      expect(runs).toHaveLength(6)
      for (const run of runs) expect(run).toEqual({ code: 0, stdout: 'loaded\n' })
    },
    120_000,
  )
})
