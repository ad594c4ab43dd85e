import { useSyncExternalStore } from 'react'

/**
 * Which of the signed-in reader's comments on this page they may still edit, and until when (by
 * this browser's clock, from the time left that the server reported). Filled by the comment form
 * from /comments/mine; read by each comment's edit controls.
 */
let deadlines = new Map<number, number>()
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())

export function setEditable(list: { id: number; remainingMs: number }[]) {
  const at = Date.now()
  deadlines = new Map(list.map((e) => [e.id, at + e.remainingMs]))
  emit()
}

export function forgetEditable(id?: number) {
  deadlines = new Map(id === undefined ? [] : [...deadlines].filter(([key]) => key !== id))
  emit()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The deadline (ms since epoch) for editing comment `id`, or undefined when it is not editable. */
export const useEditDeadline = (id: number) =>
  useSyncExternalStore(
    subscribe,
    () => deadlines.get(id),
    () => undefined,
  )
