import type { PublicComment } from './publicComment'

export type ThreadNode = PublicComment & { depth: number; replies: ThreadNode[] }

/**
 * Approved comments as threads: replies under their parent (oldest first within a thread),
 * nesting at most `maxDepth` levels (deeper replies sit at the last level, as WordPress does),
 * top-level threads in the chosen order. A reply whose parent is not shown becomes top-level.
 */
export function buildThreads(
  comments: PublicComment[],
  { maxDepth, order }: { maxDepth: number; order: 'oldest' | 'newest' },
): ThreadNode[] {
  const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
  const nodes = new Map<number, ThreadNode>(byTime.map((c) => [c.id, { ...c, depth: 1, replies: [] }]))
  const roots: ThreadNode[] = []
  for (const c of byTime) {
    const node = nodes.get(c.id)!
    let parent = c.parent ? nodes.get(c.parent) : undefined
    while (parent && parent.depth >= maxDepth) {
      // Too deep: attach to the nearest ancestor that may still take replies.
      parent = parent.parent ? nodes.get(parent.parent) : undefined
    }
    if (parent) {
      node.depth = parent.depth + 1
      parent.replies.push(node)
    } else roots.push(node)
  }
  return order === 'newest' ? roots.reverse() : roots
}
