import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import type { Page } from '@/payload-types'
import { TAGS } from './cacheTags'
import { payload } from './payload'
import { MEDIA_SHOWN } from './queries'

type StaffUser = Parameters<Awaited<ReturnType<typeof payload>>['find']>[0]['user']

/**
 * The page at its full path ("/level-1/level-2/"): the published one as an anonymous reader, or
 * with `user` (a preview) its latest draft, read with that staff member's rights.
 */
async function findPageByPath(path: string, user?: StaffUser) {
  const { docs } = await (
    await payload()
  ).find({
    collection: 'pages',
    overrideAccess: false,
    ...(user ? { user, draft: true } : {}),
    where: { path: { equals: path } },
    limit: 1,
    pagination: false,
    depth: 1,
    populate: { media: MEDIA_SHOWN },
  })
  return (docs[0] as Page | undefined) ?? null
}

/** A published page by its full path, as an anonymous reader, cached by tag. */
export const getPageByPath = cache((path: string) =>
  unstable_cache(() => findPageByPath(path), ['page', path], { tags: [TAGS.pages, TAGS.page(path)] })(),
)

/** The latest draft of the page at `path`, for a signed-in staff member's preview (never cached). */
export const getPageDraft = (path: string, user: NonNullable<StaffUser>) => findPageByPath(path, user)

/** Every published page's path, for the sitemap. */
export const getAllPagePaths = () =>
  unstable_cache(
    async () => {
      const { docs } = await (
        await payload()
      ).find({
        collection: 'pages',
        overrideAccess: false,
        pagination: false,
        limit: 50000,
        depth: 0,
        sort: 'path',
        select: { path: true, updatedAt: true },
      })
      return docs as Pick<Page, 'path' | 'updatedAt'>[]
    },
    ['all-page-paths'],
    { tags: [TAGS.pages] },
  )()
