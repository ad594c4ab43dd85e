'use client'

import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

/**
 * On the admin's login page: when the page was opened at an address other than SERVER_URL's, the
 * session cookie will not count there (Payload accepts it only from the origins it lists), so say
 * where the admin works instead of letting the login lead to a half-working admin.
 */
export function WrongOriginNotice() {
  const { config } = useConfig()
  const [here, setHere] = useState<string | null>(null)
  useEffect(() => setHere(window.location.origin), [])
  const expected = config.serverURL ? new URL(config.serverURL).origin : null
  if (!here || !expected || here === expected) return null
  const adminUrl = `${expected}${config.routes.admin}`
  return (
    <div
      role="alert"
      style={{
        margin: '0 0 24px',
        padding: '12px 16px',
        border: '1px solid var(--theme-error-500)',
        borderRadius: 'var(--style-radius-m, 4px)',
        background: 'var(--theme-error-50)',
        color: 'var(--theme-text)',
      }}
    >
      <strong>This admin works only at {expected}.</strong> You opened it at {here}; the server&apos;s SERVER_URL is{' '}
      {expected}, and a sign-in here would not be kept. Open <a href={adminUrl}>{adminUrl}</a> instead, or set
      SERVER_URL to the address you use.
    </div>
  )
}
