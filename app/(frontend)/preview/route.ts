import { draftMode, headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { payload } from '@/lib/payload'
import { isPreviewable } from '@/lib/preview'
import { isStaff } from '@/access/roles'

/** Staff only: turns on draft mode (signed in to /admin), then shows the article's or page's latest draft. */
export async function GET(request: Request) {
  const path = new URL(request.url).searchParams.get('path') || '/'
  if (!isPreviewable(path)) return new Response('Only articles and pages can be previewed.', { status: 400 })
  const { user } = await (await payload()).auth({ headers: await headers() })
  if (!isStaff(user)) return new Response('Sign in to /admin to preview drafts.', { status: 403 })
  ;(await draftMode()).enable()
  redirect(path)
}
