import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests against a running Byline (E2E_BASE_URL). `npm run test:e2e` (scripts/e2e.mjs)
 * builds the site, serves it on a throwaway database and runs these; see that script.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.e2e.spec.ts',
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  globalTimeout: 28 * 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  globalSetup: './tests/e2e/helpers/globalSetup.ts',
  globalTeardown: './tests/e2e/helpers/globalTeardown.ts',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
})
