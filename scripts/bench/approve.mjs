// Time from a moderator's approval (the REST PATCH returning) to the comment on the public page.
import { sleep } from './processes.mjs'

const POLL_MS = 20
const GIVE_UP_MS = 10_000

export async function login(base, email, password) {
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!res.ok) throw new Error(`moderator login failed: HTTP ${res.status}`)
  return (await res.json()).token
}

export async function approve(base, token, id) {
  const res = await fetch(`${base}/api/comments/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ status: 'approved' }),
  })
  if (!res.ok)
    throw new Error(`approving comment ${id} failed: HTTP ${res.status} ${await res.text()}`)
}

/**
 * Approves each comment in turn through `base`; for each, ms from the PATCH's answer until the page
 * shows it through `pollBase` (another instance, with --instances 2).
 */
export async function approvalLatencies(base, pagePath, token, ids, pollBase = base) {
  const latencies = []
  for (const id of ids) {
    const before = await (await fetch(`${pollBase}${pagePath}`)).text()
    if (before.includes(`id="comment-${id}"`))
      throw new Error(`comment ${id} is on the page before its approval`)
    await approve(base, token, id)
    const approvedAt = performance.now()
    let seen = null
    while (seen === null && performance.now() - approvedAt < GIVE_UP_MS) {
      const html = await (await fetch(`${pollBase}${pagePath}`)).text()
      if (html.includes(`id="comment-${id}"`)) seen = performance.now() - approvedAt
      else await sleep(POLL_MS)
    }
    latencies.push(seen === null ? null : Math.round(seen))
  }
  return latencies
}
