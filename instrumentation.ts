/**
 * Starts Payload when the server starts (not on the first request), so the job runner that
 * publishes scheduled articles is running from the beginning. NEXT_RUNTIME is Next's own (set per
 * runtime at build time); the Node-only modules load only in the Node.js runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { jobsDisabledForTests } = await import('./lib/env.mjs')
  if (jobsDisabledForTests()) return
  const { payload } = await import('./lib/payload')
  await payload()
}
