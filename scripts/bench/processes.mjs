// Child processes for the benchmark: each bounded in time and killed (its whole process group)
// on the way out, whatever happens.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const cleanups = []
export const onCleanup = (fn) => cleanups.push(fn)

export async function cleanUp() {
  for (const fn of cleanups.splice(0).reverse())
    await Promise.resolve()
      .then(fn)
      .catch((e) => console.error(`bench: cleanup: ${e?.message ?? e}`))
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref())

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

/** Runs a command to completion within `timeoutMs`, output appended to `logFile`; resolves its exit code. */
export function run(
  command,
  args,
  { env = process.env, timeoutMs, logFile, cwd, showStderr = false },
) {
  return new Promise((resolve) => {
    const out = fs.openSync(logFile, 'a')
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', out, showStderr ? 'inherit' : out],
      detached: true,
    })
    fs.closeSync(out)
    const stop = () => killGroup(child, 'SIGKILL')
    onCleanup(stop)
    const timer = setTimeout(() => {
      console.error(
        `bench: ${command} ${args[0] ?? ''} took longer than ${timeoutMs / 1000} s; stopping it`,
      )
      stop()
    }, timeoutMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

/** Starts a long-running child; `stop()` sends SIGTERM, then SIGKILL after 10 s. */
export function start(command, args, { env = process.env, logFile, cwd, stdout = 'file' }) {
  const out = fs.openSync(logFile, 'a')
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', stdout === 'pipe' ? 'pipe' : out, out],
    detached: true,
  })
  fs.closeSync(out)
  // A program that cannot start (not installed) ends like one that exited: with its error's code.
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal))
    child.on('error', (error) => resolve(error.code ?? error.message))
  })
  const stop = async () => {
    killGroup(child, 'SIGTERM')
    const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])
    if (!gone) killGroup(child, 'SIGKILL')
  }
  onCleanup(stop)
  return { child, exited, stop }
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
export async function waitForOk(url, server, timeoutMs, headers = {}) {
  let died = null
  server.exited.then((code) => (died = code))
  const until = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < until) {
    if (died !== null) throw new Error(`the server exited (${died}) before answering`)
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) })
      if (response.status === 200) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = error?.cause?.code ?? error?.message ?? String(error)
    }
    await sleep(500)
  }
  throw new Error(`GET ${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`)
}

/**
 * Waits until `logFile` contains `text`; throws, with the log's tail, when `server` (from `start`)
 * exits or `timeoutMs` passes first. For processes with no address to poll (the job worker).
 */
export async function waitForLog(logFile, text, server, timeoutMs) {
  let died = null
  server.exited.then((code) => (died = code))
  const read = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '')
  const until = Date.now() + timeoutMs
  while (!read().includes(text)) {
    if (died !== null || Date.now() > until) {
      throw new Error(`${path.basename(logFile)}: no "${text}" (${died !== null ? `exited ${died}` : 'timed out'})\n${read().slice(-2000)}`)
    }
    await sleep(250)
  }
}
