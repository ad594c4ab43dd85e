'use client'

import { useAuth } from '@payloadcms/ui'

/** The signed-in staff member's initials: works offline, unlike a Gravatar image. */
export function InitialsAvatar() {
  const { user } = useAuth<{ name?: string | null; email?: string | null }>()
  const source = user?.name?.trim() || user?.email || '?'
  const initials = source
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('')
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-grid',
        placeItems: 'center',
        width: 25,
        height: 25,
        borderRadius: '50%',
        background: 'var(--theme-elevation-800)',
        color: 'var(--theme-elevation-0)',
        fontSize: 11,
        fontWeight: 600,
        lineHeight: 1,
      }}
    >
      {initials}
    </span>
  )
}
