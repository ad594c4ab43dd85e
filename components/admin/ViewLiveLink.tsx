'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import * as qs from 'qs-esm'
import { useEffect, useState } from 'react'

type Published = { _status?: string; slug?: string | null; path?: string | null; publishedAt?: string | null }
type Live = { href: string } | { from: string } | null

/** Where readers find the published document: /articles/<slug>, or a Page's stored path. */
export function publicPath(collectionSlug: string, doc: Published): string | null {
  if (collectionSlug === 'articles') return doc.slug ? `/articles/${encodeURIComponent(doc.slug)}` : null
  if (collectionSlug === 'pages') return doc.path || null
  return null
}

/**
 * "View article" / "View page" beside the document controls while the document is published:
 * its public address on SERVER_URL. Read from the published version itself (not the form, whose
 * slug may be an unpublished draft's), again after each save, publish or unpublish. A published
 * document whose "published at" is still to come is hidden from readers, so it says when instead.
 */
export function ViewLiveLink() {
  const { id, collectionSlug, hasPublishedDoc, unpublishedVersionCount, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const [live, setLive] = useState<Live>(null)

  useEffect(() => {
    if (!id || !collectionSlug || !hasPublishedDoc) return setLive(null)
    const controller = new AbortController()
    const query = qs.stringify(
      { depth: 0, draft: false, select: { _status: true, slug: true, path: true, publishedAt: true } },
      { addQueryPrefix: true },
    )
    fetch(
      formatAdminURL({
        apiRoute: config.routes.api,
        path: `/${collectionSlug}/${encodeURIComponent(String(id))}${query}`,
      }),
      {
        credentials: 'include',
        signal: controller.signal,
      },
    )
      .then((res) => (res.ok ? (res.json() as Promise<Published>) : null))
      .then((doc) => {
        const path = doc?._status === 'published' ? publicPath(collectionSlug, doc) : null
        if (!doc || !path) return setLive(null)
        if (doc.publishedAt && new Date(doc.publishedAt).getTime() > Date.now())
          return setLive({ from: doc.publishedAt })
        setLive({ href: `${config.serverURL || ''}${path}` })
      })
      .catch(() => {
        if (!controller.signal.aborted) setLive(null)
      })
    return () => controller.abort()
  }, [
    id,
    collectionSlug,
    hasPublishedDoc,
    unpublishedVersionCount,
    savedDocumentData,
    config.routes.api,
    config.serverURL,
  ])

  if (!live) return null
  const noun = collectionSlug === 'pages' ? 'page' : 'article'
  if ('from' in live) {
    return <span style={{ fontSize: 13 }}>Published, shown to readers from {new Date(live.from).toLocaleString()}</span>
  }
  return (
    <a href={live.href} target="_blank" rel="noopener" style={{ whiteSpace: 'nowrap' }}>
      View {noun}
    </a>
  )
}
