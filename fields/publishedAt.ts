import type { Field } from 'payload'
import { now } from '@/lib/clock'

/**
 * When a document went (or goes) public. Readers see a published article or page only once this
 * time has come (access/staffOrPublished.ts), so publishing without one sets it to now; a future
 * date keeps the published document hidden until then.
 */
export function publishedAtField(noun: 'article' | 'page'): Field {
  return {
    name: 'publishedAt',
    type: 'date',
    index: true,
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime' },
      description: `A future date keeps the published ${noun} hidden until then.`,
    },
    hooks: {
      beforeChange: [
        ({ siblingData, value }) => (siblingData._status === 'published' && !value ? now().toISOString() : value),
      ],
    },
  }
}
