import type { TaskConfig } from 'payload'

import { expireEverything } from '@/lib/revalidate'

/**
 * Queued by an import (scripts/import/lib/importRun.ts) when it ends: the importer writes from its
 * own process with revalidation off, so the running server's cached pages, lists, sitemap and
 * redirects predate it. The server (or the worker, through the shared cache) runs this within
 * 5 seconds; with no server running it runs at the next start, where it changes nothing.
 */
export const expireSiteCacheTask: TaskConfig<{ input: { reason: string }; output: { tags: number } }> = {
  slug: 'expireSiteCache',
  inputSchema: [{ name: 'reason', type: 'text', required: true }],
  outputSchema: [{ name: 'tags', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: { tags: expireEverything(req) } }),
}
