import type { Metadata } from 'next'
import Link from 'next/link'

import { SignInForm } from '@/components/readers/SignInForm'
import { providerInfo } from '@/lib/readers/providers'
import { serverUrl } from '@/lib/env.mjs'
import { signInError } from '@/lib/readers/errors'
import { localCallbackPath } from '@/lib/readers/redirect'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

type Args = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? ''

/** Readers sign in here to comment under their own name (staff use /admin: a separate login). */
export default async function SignInPage({ searchParams }: Args) {
  const params = await searchParams
  // Only a path on this site (next-auth checks again when it redirects).
  const callbackUrl = localCallbackPath(first(params.callbackUrl), serverUrl())
  const error = params.csrf ? signInError('csrf') : first(params.error) ? signInError(first(params.error)) : null
  const providers = providerInfo()
  return (
    <div className="signin">
      <h1>Sign in to comment</h1>
      <p>
        Signed in, you comment under your own name without filling in the form, and can correct a comment for 10 minutes
        after posting it.
      </p>
      {error && (
        <p className="form-message" role="alert">
          {error}
        </p>
      )}
      {providers.length === 0 && <p>Signing in is not set up on this site yet.</p>}
      {providers.map((provider) => (
        <SignInForm callbackUrl={callbackUrl} key={provider.id} provider={provider} />
      ))}
      <p className="signin-note">
        <Link href={callbackUrl}>Back</Link>
      </p>
    </div>
  )
}
