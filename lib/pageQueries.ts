import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import type { Page } from '@/payload-types'
import { TAGS } from './cacheTags'
import { payload } from './payload'
import { MEDIA_SHOWN } from './queries'

/** A published page by its full path ("/level-1/level-2/"), as an anonymous reader, cached by tag. */
export const getPageByPath = cache((path: string) =>
  unstable_cache(
    async () => {
      const { docs } = await (
        await payload()
      ).find({
        collection: 'pages',
        overrideAccess: false,
        where: { path: { equals: path } },
        limit: 1,
        pagination: false,
        depth: 1,
        populate: { media: MEDIA_SHOWN },
      })
      return (docs[0] as Page | undefined) ?? null
    },
    ['page', path],
    { tags: [TAGS.pages, TAGS.page(path)] },
  )(),
)

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
