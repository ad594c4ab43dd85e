// A throwaway redis-server (Debian's, /usr/bin/redis-server; REDIS_SERVER overrides) on a free
// port of 127.0.0.1, without persistence, with the key-event notifications the shared cache uses.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { freePort } from '../../server/database.mjs'

export const redisServerBinary = () => process.env.REDIS_SERVER || '/usr/bin/redis-server'

/**
 * Starts redis-server on `port` (a free one by default) and resolves once it accepts connections.
 * @param {{ dir: string, port?: number }} options
 */
export async function startRedis({ dir, port }) {
  port ??= await freePort()
  fs.mkdirSync(dir, { recursive: true })
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--notify-keyspace-events',
    'Exe',
    '--logfile',
    path.join(dir, 'redis.log'),
  ]
  const child = spawn(redisServerBinary(), args, { stdio: 'ignore' })
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)))
  let died = null
  exited.then((code) => (died = code))
  child.on('error', (error) => (died = error.message))
  const until = Date.now() + 10_000
  while (!(await accepts(port))) {
    if (died !== null) throw new Error(`redis-server exited (${died}); is Debian's redis-server installed?`)
    if (Date.now() > until) throw new Error(`redis-server did not listen on ${port} within 10 s`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGKILL')
    await exited
  }
  return { url: `redis://127.0.0.1:${port}`, port, dir, pid: child.pid, stop, exited }
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}
