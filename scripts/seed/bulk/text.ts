import { type Block, lexical } from '@/lib/lexical'
import type { Random } from './random'
import * as W from './words'

const sentence = (r: Random) => r.pick(W.SENTENCES)
const paragraph = (r: Random, min = 2, max = 4) => Array.from({ length: r.int(min, max) }, () => sentence(r)).join(' ')

export function headline(r: Random): string {
  return `${r.pick(W.SUBJECTS)} ${r.pick(W.VERBS)} ${r.pick(W.OBJECTS)}`
}

/** An article body: a lede, then three to five h2 sections, with the odd quote or list. */
export function articleBody(r: Random): { content: ReturnType<typeof lexical>; excerpt: string } {
  const lede = paragraph(r, 2, 3)
  const blocks: Block[] = [{ p: lede }]
  const sections = [...W.SECTIONS].sort(() => r.next() - 0.5).slice(0, r.int(3, 5))
  for (const title of sections) {
    blocks.push({ h2: title })
    for (let i = r.int(1, 3); i > 0; i--) blocks.push({ p: paragraph(r) })
    if (r.chance(0.2)) blocks.push({ quote: r.pick(W.QUOTES) })
    if (r.chance(0.1)) blocks.push({ ul: [sentence(r), sentence(r), sentence(r)] })
  }
  return { content: lexical(blocks), excerpt: lede.split('. ')[0].replace(/\.?$/, '.') }
}

export function tagsFor(r: Random): string[] {
  return [...new Set(Array.from({ length: r.int(2, 4) }, () => r.pick(W.TAGS)))]
}

export function commenter(r: Random, n: number) {
  const first = r.pick(W.FIRST_NAMES)
  const last = r.pick(W.LAST_NAMES)
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')
  return {
    name: `${first} ${last}`,
    email: `${local}.${n}@example.com`,
    url: r.chance(0.1) ? `https://${local.replace('.', '-')}.example.net` : null,
  }
}

export function commentBody(r: Random, spam: boolean): string {
  if (spam) return r.pick(W.SPAM_LINES)
  const lines = Array.from({ length: r.int(1, 3) }, () => {
    const opener = r.pick(W.COMMENT_OPENERS)
    const line = r.pick(W.COMMENT_LINES)
    return `${opener} ${/[.?!]$/.test(opener) ? line[0].toUpperCase() + line.slice(1) : line}`
  })
  return lines.join(r.chance(0.3) ? '\n\n' : ' ')
}

/** The same short form the Comments collection stores in `excerpt`. */
export function excerptOf(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim()
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}
