import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { BeforeListServerProps } from 'payload'

import { listHref, statusWhere } from './moderation'

/**
 * The comments list opens on the pending queue: a visit with no filter in the address is sent to
 * `?where[status][equals]=pending`, keeping its other parameters (search, limit, sort).
 */
export async function PendingQueueRedirect({ payload, searchParams }: BeforeListServerProps) {
  const params = searchParams ?? {}
  if (Object.keys(params).some((key) => key === 'where' || key.startsWith('where['))) return null
  // List drawers render this view through a server function (a server action): leave them be.
  if ((await headers()).has('next-action')) return null
  const rest = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    for (const item of [value ?? []].flat()) rest.append(key, item)
  }
  const target = listHref(payload.config.routes.admin, statusWhere('pending'))
  redirect(rest.size ? `${target}&${rest}` : target)
}
