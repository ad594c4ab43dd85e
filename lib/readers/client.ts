import type { ReaderBan } from './next-auth'

/**
 * The browser's side of reader sign-in, over next-auth's own endpoints under /auth. Used by client
 * components only, so the shared article page never depends on who is signed in.
 */
export type SignedInReader = { id: number; name: string; ban: ReaderBan | null }

export const AUTH_PATH = '/auth'

export async function fetchReader(): Promise<SignedInReader | null> {
  const response = await fetch(`${AUTH_PATH}/session`, {
    credentials: 'same-origin',
    cache: 'no-store',
  })
  if (!response.ok) return null
  const session = (await response.json()) as { reader?: SignedInReader } | null
  return session?.reader ?? null
}

let csrf: Promise<string> | null = null

/**
 * next-auth's CSRF token (it also sets the matching cookie): every sign-in and sign-out POST needs
 * it. Asked once per page: two requests racing without a cookie would each set a different one.
 */
export function fetchCsrfToken(): Promise<string> {
  csrf ??= fetch(`${AUTH_PATH}/csrf`, { credentials: 'same-origin', cache: 'no-store' })
    .then((response) => response.json() as Promise<{ csrfToken: string }>)
    .then((json) => json.csrfToken)
    .catch((error) => {
      csrf = null
      throw error
    })
  return csrf
}

export async function signOutReader(): Promise<void> {
  const csrfToken = await fetchCsrfToken()
  await fetch(`${AUTH_PATH}/signout`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: window.location.href, json: 'true' }),
  })
}

/** The sign-in page, coming back to `path` (on this site) afterwards. */
export const signInHref = (path: string) => `/signin?callbackUrl=${encodeURIComponent(path)}`
