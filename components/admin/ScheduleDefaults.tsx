'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect } from 'react'

const EXPLANATION =
  'Publish: this draft goes live at the chosen time, and readers see it from then. ' +
  'Unpublish: a published document leaves the site at that time. ' +
  'To change the date shown to readers without scheduling, set "Published At" instead.'

/**
 * Payload's "Schedule Publish" drawer starts on "Unpublish" for a document that was never
 * published (its PublishButton offers "Publish" first only when drafts newer than a published
 * version exist, and a new draft has no published version), and does not say what either does.
 * Payload exports neither the drawer nor a way to set its default, so after a click on "Schedule
 * Publish" this watches for the drawer: on a never-published document it selects "Publish" once
 * when the drawer opens, and each drawer gets a line explaining both choices. It renders nothing.
 */
export function ScheduleDefaults() {
  const { hasPublishedDoc } = useDocumentInfo()

  useEffect(() => {
    const prepare = () => {
      const drawer = document.querySelector('.schedule-publish')
      if (!drawer) return false
      if (drawer.hasAttribute('data-byline-ready')) return true
      drawer.setAttribute('data-byline-ready', '')
      if (!hasPublishedDoc) {
        // Payload's radios carry no value (and share one id): Publish is the first, Unpublish the second.
        const publish = drawer.querySelector<HTMLInputElement>('.schedule-publish__type input[type="radio"]')
        if (publish && !publish.checked) publish.click()
      }
      const type = drawer.querySelector('.schedule-publish__type')
      if (type) {
        const note = document.createElement('p')
        note.className = 'byline-schedule-note'
        note.textContent = EXPLANATION
        type.after(note)
      }
      return true
    }
    // The drawer opens from the publish menu's "Schedule Publish" item: only then is the page
    // watched, until the drawer is there (or for 10 s), not on every change of the edit view.
    let observer: MutationObserver | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = () => {
      observer?.disconnect()
      observer = null
      clearTimeout(timer)
    }
    const opened = (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest('#schedule-publish')) return
      stop()
      observer = new MutationObserver(() => {
        if (prepare()) stop()
      })
      observer.observe(document.body, { childList: true, subtree: true })
      timer = setTimeout(stop, 10_000)
    }
    document.addEventListener('click', opened, true)
    return () => {
      document.removeEventListener('click', opened, true)
      stop()
    }
  }, [hasPublishedDoc])

  return null
}
