'use client'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import { ReportForm } from './ReportForm'

/**
 * Opens the report form under a comment when its "Report" link is clicked, one component for the
 * whole comment list: each comment carries only a link to its report page
 * (/comments/<id>/report), where the form works without JavaScript. A form per comment cost the
 * article page about 1 KB of HTML each (the server action's hidden fields and the reasons).
 * A second click on the link closes the form again.
 */
export function ReportLinks() {
  const hosts = useRef(new Map<number, HTMLElement>())
  const [open, setOpen] = useState<{ id: number; host: HTMLElement }[]>([])

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-report]') : null
      const id = Number(link?.dataset.report)
      if (!link || !Number.isSafeInteger(id)) return
      event.preventDefault()
      const host = hosts.current.get(id)
      if (host) {
        host.remove()
        hosts.current.delete(id)
        link.setAttribute('aria-expanded', 'false')
      } else {
        const created = document.createElement('div')
        created.className = 'comment-report-host'
        link.after(created)
        hosts.current.set(id, created)
        link.setAttribute('aria-expanded', 'true')
      }
      setOpen([...hosts.current].map(([openId, openHost]) => ({ id: openId, host: openHost })))
    }
    document.addEventListener('click', onClick)
    return () => document.removeEventListener('click', onClick)
  }, [])

  return <>{open.map(({ id, host }) => createPortal(<ReportForm autoFocus commentId={id} />, host, String(id)))}</>
}
