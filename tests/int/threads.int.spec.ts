import { describe, expect, it } from 'vitest'

import type { PublicComment } from '@/lib/comments/publicComment'
import { buildThreads, type ThreadNode } from '@/lib/comments/threads'

const c = (id: number, parent: number | null, minute: number): PublicComment => ({
  id,
  parent,
  body: `c${id}`,
  authorName: 'A',
  authorUrl: null,
  status: 'approved',
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
})

const shape = (nodes: ThreadNode[]): unknown => nodes.map((n) => (n.replies.length ? [n.id, shape(n.replies)] : n.id))

describe('threads', () => {
  const comments = [c(1, null, 1), c(2, 1, 2), c(3, 2, 3), c(4, 3, 4), c(5, null, 5), c(6, 1, 6), c(7, 99, 7)]

  it('nests replies under their parent, oldest first, at most N levels deep', () => {
    expect(shape(buildThreads(comments, { maxDepth: 3, order: 'oldest' }))).toEqual([[1, [[2, [3, 4]], 6]], 5, 7])
    expect(shape(buildThreads(comments, { maxDepth: 1, order: 'oldest' }))).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('puts newest threads first when asked; too-deep replies join the deepest allowed level', () => {
    expect(shape(buildThreads(comments, { maxDepth: 2, order: 'newest' }))).toEqual([7, 5, [1, [2, 3, 4, 6]]])
  })
})
