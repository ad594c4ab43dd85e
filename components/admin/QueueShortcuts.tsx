'use client'

import { toast, useAuth, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type { BeforeListTableClientProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useRef, useState } from 'react'

import { decisions, undoLast } from './decisions'
import { DONE, patchComments, type QueueStatus } from './moderation'

const KEYS: Record<string, QueueStatus> = { a: 'approved', s: 'spam', t: 'trash' }
const CURRENT = 'queue-current'

/** The list's rows that are comments, with their ids (from each row's link to its edit page). */
function rows(collectionSlug: string): { row: HTMLTableRowElement; id: string }[] {
  const pattern = new RegExp(`/collections/${collectionSlug}/(\\d+)(?:[/?#]|$)`)
  return Array.from(document.querySelectorAll<HTMLTableRowElement>('.table tbody tr')).flatMap((row) => {
    const link = Array.from(row.querySelectorAll('a')).find((a) => pattern.test(a.getAttribute('href') ?? ''))
    const id = link ? pattern.exec(link.getAttribute('href') ?? '')?.[1] : undefined
    return id ? [{ row, id }] : []
  })
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))

/**
 * Keyboard moderation in the comments list, as in WordPress and Gmail: j / k move to the next /
 * previous comment, a / s / t approve it, mark it as spam or trash it, u undoes the newest
 * decision, this or a bulk action (components/admin/decisions.ts). Keys typed into a field (the search box) are left alone.
 */
export function QueueShortcuts({ collectionSlug }: BeforeListTableClientProps) {
  const { config } = useConfig()
  const { permissions } = useAuth()
  const router = useRouter()
  const canModerate = Boolean(permissions?.collections?.[collectionSlug]?.update)
  const [index, setIndex] = useState(-1)
  const busy = useRef(false)
  // Keys pressed before hydration go nowhere: the hint says when they are heard (tests wait for it).
  const [listening, setListening] = useState(false)

  // Marks the current row; again whenever the table's rows change (a refresh after a decision).
  useEffect(() => {
    const apply = () => {
      const list = rows(collectionSlug)
      const current = index >= 0 ? list[Math.min(index, list.length - 1)] : undefined
      for (const { row } of list) {
        const isCurrent = row === current?.row
        row.classList.toggle(CURRENT, isCurrent)
        if (isCurrent) row.setAttribute('aria-current', 'true')
        else row.removeAttribute('aria-current')
      }
      return current
    }
    apply()?.row.scrollIntoView({ block: 'nearest' })
    const observer = new MutationObserver(() => apply())
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [collectionSlug, index])

  useEffect(() => {
    if (!canModerate) return
    const url = (id: string) =>
      formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${encodeURIComponent(id)}` })

    async function decide(id: string, to: QueueStatus, from: QueueStatus) {
      busy.current = true
      try {
        const changed = await patchComments(url(id), to)
        decisions.push({
          changes: changed.map((changedId) => ({ id: changedId, from, to })),
          bulk: false,
          summary: `Comment ${DONE[to]}.`,
        })
        toast.success(`Comment ${DONE[to]}. Press u to undo.`)
        router.refresh()
      } catch (error) {
        toast.error(`Could not change the comment: ${(error as Error).message}`)
      } finally {
        busy.current = false
      }
    }

    async function undo() {
      busy.current = true
      try {
        const message = await undoLast(config.routes.api, collectionSlug)
        if (message) toast.success(message)
        router.refresh()
      } catch (error) {
        toast.error(`Could not undo: ${(error as Error).message}`)
      } finally {
        busy.current = false
      }
    }

    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return
      const key = event.key.toLowerCase()
      const list = rows(collectionSlug)
      if (key === 'j' || key === 'k') {
        event.preventDefault()
        if (!list.length) return
        setIndex((i) => (key === 'j' ? Math.min(i + 1, list.length - 1) : Math.max(i - 1, 0)))
        return
      }
      if (busy.current) return
      if (key === 'u') {
        if (!decisions.last()) return toast.info('Nothing to undo.')
        event.preventDefault()
        void undo()
        return
      }
      const to = KEYS[key]
      const current = list[Math.min(index, list.length - 1)]
      if (!to || !current) return
      event.preventDefault()
      const from = (current.row.querySelector('[data-status]')?.getAttribute('data-status') ?? 'pending') as QueueStatus
      if (from === to) return
      void decide(current.id, to, from)
    }
    document.addEventListener('keydown', onKey)
    setListening(true)
    return () => document.removeEventListener('keydown', onKey)
  }, [canModerate, collectionSlug, config.routes.api, index, router])

  if (!canModerate) return null
  return (
    <>
      <style>{`.table tbody tr.${CURRENT} td { background: var(--theme-elevation-100); } .table tbody tr.${CURRENT} td:first-child { box-shadow: inset 4px 0 0 var(--theme-success-500); }`}</style>
      <p
        data-byline-admin="shortcuts"
        data-listening={listening || undefined}
        style={{ margin: '0 0 12px', fontSize: 13 }}
      >
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd> approve, <kbd>s</kbd> spam, <kbd>t</kbd> trash,{' '}
        <kbd>u</kbd> undo.
      </p>
    </>
  )
}
