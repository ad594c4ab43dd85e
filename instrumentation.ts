/**
 * Starts Payload when the server starts (not on the first request), so the job runner that
 * publishes scheduled articles is running from the beginning.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.BYLINE_DISABLE_JOBS === '1') return
  const { payload } = await import('./lib/payload')
  await payload()
}
