import { createHash } from 'node:crypto'

import { slugify } from '@/lib/slugify'
import { plainText } from './content'
import { own } from '../lib/xmlStream'
import { readWxr, type WxrAuthor, type WxrCategory, type WxrItem, type WxrTag } from './wxr'

/** What the first pass keeps of each item: enough to plan slugs, paths, parents and redirects. */
export type ItemSummary = {
  id: string
  type: string
  status: string
  slug: string
  title: string
  parent: string
  link: string
  password: boolean
  attachmentUrl: string
  alt: string
  caption: string
  authorLogin: string
  tagSlugs: string[]
}

export type Scan = {
  baseUrls: string[]
  authors: Map<string, WxrAuthor>
  categories: Map<string, WxrCategory>
  tags: Map<string, WxrTag>
  items: ItemSummary[]
  itemCount: number
  commentCount: number
  bytes: number
  sha256: string
}

/** WordPress stores non-ASCII slugs percent-encoded ("%d0%bf%d1%80…"). */
export const decodeSlug = (slug: string) => {
  try {
    return decodeURIComponent(slug)
  } catch {
    return slug
  }
}

/**
 * Pass one: reads the whole file (so a malformed one fails here, before anything is written)
 * and keeps the small facts of every record: authors, terms (declared or only used by an
 * item), and a summary per item. Contents and comments are not kept.
 */
export async function scanWxr(file: string, onBytes: (bytes: number) => void): Promise<Scan> {
  const hash = createHash('sha256')
  const scan: Scan = {
    baseUrls: [],
    authors: new Map(),
    categories: new Map(),
    tags: new Map(),
    items: [],
    itemCount: 0,
    commentCount: 0,
    bytes: 0,
    sha256: '',
  }
  const onChunk = (chunk: Buffer, bytes: number) => {
    hash.update(chunk)
    scan.bytes = bytes
    onBytes(bytes)
  }
  for await (const record of readWxr(file, onChunk)) {
    if (record.kind === 'site') {
      if (record.value && !scan.baseUrls.includes(record.value)) scan.baseUrls.push(own(record.value))
    } else if (record.kind === 'author') {
      if (record.author.login) scan.authors.set(own(record.author.login), ownAll(record.author))
    } else if (record.kind === 'category') {
      const c = record.category
      if (c.slug) scan.categories.set(own(c.slug), ownAll({ ...c, name: plainText(c.name) || c.slug }))
    } else if (record.kind === 'tag') {
      if (record.tag.slug)
        scan.tags.set(
          own(record.tag.slug),
          ownAll({ ...record.tag, name: plainText(record.tag.name) || record.tag.slug }),
        )
    } else {
      scan.itemCount++
      scan.commentCount += record.item.comments.length
      noteTerms(scan, record.item)
      scan.items.push(summarise(record.item))
    }
  }
  scan.sha256 = hash.digest('hex')
  return scan
}

/** Terms an item uses that the export never declared ("used but not declared" tags, mostly). */
function noteTerms(scan: Scan, item: WxrItem) {
  for (const term of item.terms) {
    const slug = term.slug || slugify(term.name)
    if (!slug) continue
    if (term.domain === 'category' && !scan.categories.has(slug)) {
      scan.categories.set(
        own(slug),
        ownAll({ termId: '', slug, parentSlug: '', name: plainText(term.name) || slug, description: '' }),
      )
    } else if (term.domain === 'post_tag' && !scan.tags.has(slug)) {
      scan.tags.set(own(slug), ownAll({ termId: '', slug, name: plainText(term.name) || slug }))
    }
  }
}

/** Every string copied (own): the summaries outlive the chunks their text came from. */
function summarise(item: WxrItem): ItemSummary {
  return {
    id: own(item.id),
    type: own(item.type),
    status: own(item.status),
    slug: own(decodeSlug(item.slug)),
    title: own(item.title),
    parent: own(item.parent),
    link: own(item.link),
    password: item.password !== '',
    attachmentUrl: own(item.attachmentUrl),
    alt: item.type === 'attachment' ? own(item.meta.get('_wp_attachment_image_alt') ?? '') : '',
    caption: item.type === 'attachment' ? own(plainText(item.excerpt)) : '',
    authorLogin: own(item.creator),
    tagSlugs:
      item.type === 'post'
        ? item.terms.filter((t) => t.domain === 'post_tag').map((t) => own(t.slug || slugify(t.name)))
        : [],
  }
}

const ownAll = <T extends Record<string, string>>(record: T): T =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, own(v)])) as T
