import { test as base, type APIRequestContext } from '@playwright/test'

import { staffRequest } from './api'
import { EDITOR } from './staff'

/** Playwright's test with `editorApi`: the REST API as the editor account. */
export const test = base.extend<{ editorApi: APIRequestContext }>({
  editorApi: async ({}, use) => {
    const api = await staffRequest(EDITOR)
    await use(api)
    await api.dispose()
  },
})

export { expect } from '@playwright/test'
