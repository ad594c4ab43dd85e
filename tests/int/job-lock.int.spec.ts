import { spawn, type ChildProcess } from 'node:child_process'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

// One job runner at a time (lib/jobs/runner.ts): each process below is a runner as the worker is
// one, calling holdsJobLock on Payload's schedule (here every 100 ms instead of every 5 s) against
// this file's own database. It prints its answer, "holds" or "refused", at each tick.
const RUNNER = `
import { holdsJobLock } from './lib/jobs/runner.ts'
for (;;) {
  console.log((await holdsJobLock(process.env.DATABASE_URL)) ? 'holds' : 'refused')
  await new Promise((resolve) => setTimeout(resolve, 100))
}
`
const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
})

/**
 * A runner process. `said(word, times)` resolves when its last `times` answers were `word` (at
 * most `ms` later), with how long that took; `lines` are all its answers.
 */
function runner(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER], {
    env: { ...process.env, BYLINE_DISABLE_JOBS: '', BYLINE_JOBS: 'on', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const lines: string[] = []
  let stderr = ''
  const waiting = new Set<() => void>()
  child.stdout!.on('data', (data) => {
    lines.push(...String(data).split('\n').filter(Boolean))
    for (const wake of waiting) wake()
  })
  child.stderr!.on('data', (data) => (stderr += data))
  const said = (word: string, times = 1, ms = 20_000) =>
    new Promise<number>((resolve, reject) => {
      const started = Date.now()
      const check = () => {
        const last = lines.slice(-times)
        if (last.length < times || last.some((line) => line !== word)) return
        waiting.delete(check)
        clearTimeout(timer)
        resolve(Date.now() - started)
      }
      const timer = setTimeout(() => {
        waiting.delete(check)
        reject(
          new Error(
            `runner ${child.pid}: not ${times} × "${word}" within ${ms} ms (last said: ${lines.slice(-5)}; ${stderr.slice(-500)})`,
          ),
        )
      }, ms)
      waiting.add(check)
      check()
    })
  return { child, lines, said }
}

/** The database backends holding the job lock (an advisory lock), as PostgreSQL lists them. */
async function lockHolders(): Promise<number[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select pid from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())`,
    )
    return rows.map((r) => r.pid)
  } finally {
    await client.end()
  }
}

describe('the job lock (lib/jobs/runner.ts)', () => {
  it('one runner process holds it and the other is refused; when the holder dies, the other takes over at its next tick', async () => {
    const first = runner()
    await first.said('holds')
    const second = runner()
    // Both keep asking; only the first ever holds it, on one connection.
    await second.said('refused', 5)
    expect(new Set(first.lines)).toEqual(new Set(['holds']))
    expect(new Set(second.lines)).toEqual(new Set(['refused']))
    expect(await lockHolders()).toHaveLength(1)

    first.child.kill('SIGKILL')
    // PostgreSQL frees the lock as soon as the dead process's connection closes.
    const took = await second.said('holds', 1, 10_000)
    expect(took).toBeLessThan(10_000)
    // And keeps it.
    await second.said('holds', 5)
    expect(second.lines.slice(second.lines.indexOf('holds'))).not.toContain('refused')
    expect(await lockHolders()).toHaveLength(1)
  }, 60_000)

  it('a process started with BYLINE_JOBS=off never takes it, even when it is free', async () => {
    for (const child of children) child.kill('SIGKILL')
    await expect.poll(lockHolders, { timeout: 10_000, interval: 100 }).toEqual([])
    const off = runner({ BYLINE_JOBS: 'off' })
    await off.said('refused', 5)
    expect(await lockHolders()).toEqual([])
    // The lock was free all along: a runner allowed to take it does.
    const on = runner()
    await on.said('holds')
    expect(new Set(off.lines)).toEqual(new Set(['refused']))
  }, 60_000)
})
