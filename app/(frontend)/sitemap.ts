import type { MetadataRoute } from 'next'

import { serverUrl } from '@/lib/env'
import { getAllArticleSlugs, getAllCategories } from '@/lib/queries'

// Rendered per request from tag-cached data, so `next build` needs no database.
export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, categories] = await Promise.all([getAllArticleSlugs(), getAllCategories()])
  return [
    { url: `${serverUrl}/`, changeFrequency: 'hourly', priority: 1 },
    ...categories.map((c) => ({ url: `${serverUrl}/categories/${c.slug}`, lastModified: c.updatedAt })),
    ...articles.map((a) => ({ url: `${serverUrl}/articles/${a.slug}`, lastModified: a.updatedAt })),
  ]
}
