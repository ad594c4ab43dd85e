// CPU time spent by a process tree (Linux /proc), so each measurement can report the server's
// and the database's CPU milliseconds per request: unlike req/s, that does not depend on what
// else the machine is doing. Elsewhere every reading is null.
import fs from 'node:fs'

const TICK_MS = 10 // USER_HZ is 100 on Linux

function stat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    return {
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
    }
  } catch {
    return null
  }
}

/** CPU milliseconds used so far by `pid` and its descendants (reaped children included). */
export function treeCpuMs(pid) {
  if (!pid || !fs.existsSync('/proc/self/stat')) return null
  const children = new Map()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const s = stat(name)
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)])
  }
  let ticks = 0
  const stack = [pid]
  while (stack.length) {
    const p = stack.pop()
    const s = stat(p)
    if (s) ticks += s.ticks
    stack.push(...(children.get(p) ?? []))
  }
  return ticks * TICK_MS
}

/** The postmaster of an embedded PostgreSQL data directory, if it runs. */
export function postmasterPid(dataDir) {
  try {
    return Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]) || null
  } catch {
    return null
  }
}

/** CPU ms of `pid`, or the sum over a list of them (several instances, their balancer, Redis). */
function cpuOf(pid) {
  if (!Array.isArray(pid)) return treeCpuMs(pid)
  const each = pid.map(treeCpuMs)
  return each.some((ms) => ms === null) ? null : each.reduce((a, b) => a + b, 0)
}

/**
 * Runs `fn` (a measurement) and adds server and database CPU ms per completed request.
 * `pids`: [server (a pid or a list of pids), database].
 */
export async function withCpu(pids, fn) {
  const before = pids.map(cpuOf)
  const result = await fn()
  const after = pids.map(cpuOf)
  const perRequest = (i) =>
    before[i] === null || after[i] === null || !result.requests
      ? null
      : Math.round(((after[i] - before[i]) / result.requests) * 100) / 100
  return { ...result, serverCpuMs: perRequest(0), dbCpuMs: perRequest(1) }
}
