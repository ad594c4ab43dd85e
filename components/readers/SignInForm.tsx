'use client'
import { useEffect, useState } from 'react'

import { AUTH_PATH, fetchCsrfToken } from '@/lib/readers/client'
import type { ProviderInfo } from '@/lib/readers/providers'

type Props = { provider: ProviderInfo; callbackUrl: string }

/**
 * One way to sign in, as a plain form POST to next-auth (/auth/signin/<provider>), carrying
 * next-auth's CSRF token, fetched when the page loads (it sets the matching cookie).
 */
export function SignInForm({ provider, callbackUrl }: Props) {
  const [csrfToken, setCsrfToken] = useState('')
  useEffect(() => {
    fetchCsrfToken()
      .then(setCsrfToken)
      .catch(() => undefined)
  }, [])

  return (
    <form action={`${AUTH_PATH}/signin/${provider.id}`} className="signin-method" method="post">
      <input name="csrfToken" type="hidden" value={csrfToken} />
      <input name="callbackUrl" type="hidden" value={callbackUrl} />
      {provider.type === 'email' && (
        <p className="field">
          <label htmlFor="signin-email">Email address</label>
          <input autoComplete="email" id="signin-email" maxLength={254} name="email" required type="email" />
        </p>
      )}
      <button disabled={!csrfToken} type="submit">
        {provider.type === 'email' ? 'Email me a sign-in link' : `Sign in with ${provider.name}`}
      </button>
    </form>
  )
}
