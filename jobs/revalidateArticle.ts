import type { TaskConfig } from 'payload'

import { revalidateArticle } from '@/lib/revalidate'

/** Runs when a scheduled article's publishedAt arrives: its pages and the lists go fresh. */
export const revalidateArticleTask: TaskConfig<{ input: { articleId: number }; output: { slug: string | null } }> = {
  slug: 'revalidateArticle',
  inputSchema: [{ name: 'articleId', type: 'number', required: true }],
  outputSchema: [{ name: 'slug', type: 'text' }],
  handler: async ({ input, req }) => {
    const article = await req.payload.findByID({
      collection: 'articles',
      id: input.articleId,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      select: { slug: true },
      req,
    })
    revalidateArticle(req, article)
    return { output: { slug: article?.slug ?? null } }
  },
}
