'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * In the admin's live preview iframe: tells the admin the page is ready, then re-renders the
 * page (draft mode) each time the editor's draft is saved. Same protocol as Payload's
 * RefreshRouteOnSave, without its package (which lags one patch behind payload 3.90.2).
 */
export function LivePreviewListener() {
  const router = useRouter()
  useEffect(() => {
    const origin = window.location.origin
    const parent = window.opener || window.parent
    parent?.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    const onMessage = (event: MessageEvent) => {
      if (event.origin === origin && event.data?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
