/**
 * Builds Lexical editor state (what the article `content` field stores) from a few plain
 * blocks, for seeds and tests that write articles without the admin editor.
 */
export type Block = { h2: string } | { h3: string } | { p: string } | { quote: string } | { ul: string[] }

const text = (t: string) => ({ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: t, version: 1 })
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  version: 1,
  ...extra,
})

function node(block: Block) {
  if ('h2' in block) return element('heading', [text(block.h2)], { tag: 'h2' })
  if ('h3' in block) return element('heading', [text(block.h3)], { tag: 'h3' })
  if ('quote' in block) return element('quote', [text(block.quote)])
  if ('ul' in block)
    return element(
      'list',
      block.ul.map((item, i) => element('listitem', [text(item)], { value: i + 1 })),
      { listType: 'bullet', start: 1, tag: 'ul' },
    )
  return element('paragraph', [text(block.p)], { textFormat: 0, textStyle: '' })
}

import type { Article } from '@/payload-types'

export function lexical(blocks: Block[]): NonNullable<Article['content']> {
  return { root: element('root', blocks.map(node)) } as NonNullable<Article['content']>
}
