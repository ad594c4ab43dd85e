import { expect, request } from '@playwright/test'

import { baseURL, login } from './api'
import { ADMIN, EDITOR, MODERATOR } from './staff'

/**
 * Makes the suite's staff accounts, idempotently: the admin via first-register (Byline makes the
 * first user an admin), the editor by the admin through the REST API.
 */
export default async function globalSetup() {
  const api = await request.newContext({ baseURL: baseURL() })
  try {
    const first = await api.post('/api/users/first-register', {
      data: { ...ADMIN, 'confirm-password': ADMIN.password },
    })
    const adminToken = await login(api, ADMIN)
    if (!adminToken) {
      const answer = `${first.status()} ${await first.text()}`
      throw new Error(`${ADMIN.email} cannot log in (first-register answered ${answer})`)
    }
    for (const [user, role] of [
      [EDITOR, 'editor'],
      [MODERATOR, 'moderator'],
    ] as const) {
      if (await login(api, user)) continue
      const response = await api.post('/api/users', {
        headers: { Authorization: `JWT ${adminToken}` },
        data: { ...user, roles: [role] },
      })
      expect(response.status(), await response.text()).toBe(201)
    }
  } finally {
    await api.dispose()
  }
}
