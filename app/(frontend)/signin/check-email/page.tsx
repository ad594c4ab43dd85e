import type { Metadata } from 'next'

import { siteName } from '@/lib/env.mjs'
import { MAGIC_LINK_MINUTES } from '@/lib/readers/providers'

export const metadata: Metadata = { title: 'Check your email', robots: { index: false } }

/** The same words whether or not the address belongs to a reader: nobody learns who has an account. */
export default function CheckEmailPage() {
  return (
    <div className="signin">
      <h1>Check your email</h1>
      <p>
        If {siteName()} can send mail to that address, a sign-in link is on its way. It works once, within{' '}
        {MAGIC_LINK_MINUTES} minutes.
      </p>
    </div>
  )
}
