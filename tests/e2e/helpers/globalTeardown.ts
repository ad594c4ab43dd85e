import { request } from '@playwright/test'

import { baseURL, staffRequest } from './api'
import { ADMIN } from './staff'

/**
 * Deletes what the tests made (articles with an `e2e-` slug, media with "e2e" alt text), so a
 * server that outlives the run (E2E_BASE_URL pointed at it by hand) does not fill up.
 */
export default async function globalTeardown() {
  const probe = await request.newContext({ baseURL: baseURL() })
  const alive = await probe.get('/api/users/me').then(
    (r) => r.ok(),
    () => false,
  )
  await probe.dispose()
  if (!alive) return
  const api = await staffRequest(ADMIN)
  try {
    await api.delete('/api/articles?where[slug][like]=e2e-')
    await api.delete('/api/media?where[alt][like]=e2e')
  } finally {
    await api.dispose()
  }
}
