import type { Metadata } from 'next'

import { NotFoundMessage } from '@/components/NotFoundMessage'

// The branded "Page not found" as a cached page of its own, which the launcher sends as the body of
// Next's 404s for reader pages (server/notFoundBody.mjs): Next 16 answers a notFound() inside
// an on-demand page with an empty shell that only the browser's JavaScript fills. A dynamic segment
// so that it renders on first request, with the site's header and footer, not at build time; the
// proxy refuses every variant but lib/notFoundPath.mjs's.
export const dynamicParams = true
export const generateStaticParams = async () => []

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } }

export default function NotFoundPage() {
  return <NotFoundMessage />
}
