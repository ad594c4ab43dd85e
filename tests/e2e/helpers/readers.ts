import { expect, type APIRequestContext, type Page } from '@playwright/test'

import { baseURL } from './api'

/**
 * Reader sign-in helpers. scripts/e2e.mjs starts an SMTP catcher (E2E_MAIL_URL) and an OpenID
 * Connect provider (E2E_OIDC_ISSUER) before the server, and turns on the server's test clock.
 */
const env = (name: string) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm run test:e2e\``)
  return value
}

export type Mail = { at: string; to: string[]; subject: string; text: string }

export async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${env('E2E_MAIL_URL')}/mails?to=${encodeURIComponent(address)}`)
  return (await response.json()) as Mail[]
}

/** Waits (bounded) for the `count`-th mail to `address`. */
export async function waitForMail(address: string, count = 1, timeoutMs = 15_000): Promise<Mail> {
  let mails: Mail[] = []
  await expect(async () => {
    mails = await mailsTo(address)
    expect(mails.length).toBeGreaterThanOrEqual(count)
  }).toPass({ timeout: timeoutMs, intervals: [100, 250, 500] })
  return mails[count - 1]
}

/** The magic link in a sign-in mail: on this site, under /auth/callback/email. */
export function signInLink(mail: Mail): string {
  const link = mail.text.match(/https?:\/\/\S+\/auth\/callback\/email\?\S+/)?.[0]
  if (!link) throw new Error(`no sign-in link in: ${mail.text}`)
  expect(new URL(link).origin).toBe(new URL(baseURL()).origin)
  return link
}

export const uniqueEmail = (name: string) =>
  `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`

/** Asks for a sign-in link through the site's sign-in page. */
export async function requestLink(page: Page, email: string) {
  await page.getByLabel('Email address').fill(email)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
}

/** Shifts the server's clock (lib/clock.ts) by `offsetMs`; 0 puts it back. */
export async function setServerClock(api: APIRequestContext, offsetMs: number) {
  const response = await api.post('/test-only/clock', { data: { offsetMs } })
  expect(response.status(), await response.text()).toBe(200)
}

export const oidcIssuer = () => env('E2E_OIDC_ISSUER')
