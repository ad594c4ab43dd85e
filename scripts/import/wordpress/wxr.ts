import { childrenNamed, childRaw, childText, streamRecords, type XNode } from '../lib/xmlStream'

/**
 * WordPress eXtended RSS: the typed records of an export. Namespaces are matched by URI, any
 * version (http or https, export/1.0 to 1.2), whatever prefix the file uses.
 */
export function wxrPrefix(uri: string): string {
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/.test(uri)) return 'excerpt'
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/?$/.test(uri)) return 'wp'
  if (/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/.test(uri)) return 'content'
  if (/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/.test(uri)) return 'dc'
  return 'other'
}

export type WxrAuthor = { id: string; login: string; email: string; displayName: string }
export type WxrCategory = { termId: string; slug: string; parentSlug: string; name: string; description: string }
export type WxrTag = { termId: string; slug: string; name: string }
export type WxrComment = {
  id: string
  author: string
  email: string
  url: string
  ip: string
  dateGmt: string
  date: string
  content: string
  approved: string
  type: string
  parent: string
  userId: string
}
export type WxrItem = {
  id: string
  title: string
  link: string
  creator: string
  content: string
  excerpt: string
  dateGmt: string
  date: string
  commentStatus: string
  slug: string
  status: string
  parent: string
  type: string
  password: string
  attachmentUrl: string
  terms: { domain: string; slug: string; name: string }[]
  meta: Map<string, string>
  comments: WxrComment[]
}
export type WxrRecord =
  | { kind: 'site'; key: string; value: string }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; category: WxrCategory }
  | { kind: 'tag'; tag: WxrTag }
  | { kind: 'item'; item: WxrItem }

const CHANNEL_FIELDS = new Set(['wp:base_site_url', 'wp:base_blog_url', 'link'])

function toComment(node: XNode): WxrComment {
  const t = (n: string) => childText(node, `wp:comment_${n}`)
  return {
    id: t('id'),
    author: t('author'),
    email: t('author_email'),
    url: t('author_url'),
    ip: t('author_IP'),
    dateGmt: t('date_gmt'),
    date: t('date'),
    content: childRaw(node, 'wp:comment_content'),
    approved: t('approved'),
    type: t('type'),
    parent: t('parent') || '0',
    userId: t('user_id') || '0',
  }
}

function toItem(node: XNode): WxrItem {
  const t = (n: string) => childText(node, n)
  const meta = new Map<string, string>()
  for (const m of childrenNamed(node, 'wp:postmeta'))
    meta.set(childText(m, 'wp:meta_key'), childRaw(m, 'wp:meta_value'))
  return {
    id: t('wp:post_id'),
    title: childRaw(node, 'title'),
    link: t('link'),
    creator: t('dc:creator'),
    content: childRaw(node, 'content:encoded'),
    excerpt: childRaw(node, 'excerpt:encoded'),
    dateGmt: t('wp:post_date_gmt'),
    date: t('wp:post_date'),
    commentStatus: t('wp:comment_status'),
    slug: t('wp:post_name'),
    status: t('wp:status'),
    parent: t('wp:post_parent') || '0',
    type: t('wp:post_type'),
    password: t('wp:post_password'),
    attachmentUrl: t('wp:attachment_url'),
    terms: childrenNamed(node, 'category').map((c) => ({
      domain: c.attrs.domain ?? 'category',
      slug: c.attrs.nicename ?? '',
      name: c.text.trim(),
    })),
    meta,
    comments: childrenNamed(node, 'wp:comment').map(toComment),
  }
}

function toRecord(node: XNode): WxrRecord | null {
  const t = (n: string) => childText(node, n)
  switch (node.name) {
    case 'wp:author':
      return {
        kind: 'author',
        author: {
          id: t('wp:author_id'),
          login: t('wp:author_login'),
          email: t('wp:author_email'),
          displayName: t('wp:author_display_name'),
        },
      }
    case 'wp:category':
      return {
        kind: 'category',
        category: {
          termId: t('wp:term_id'),
          slug: t('wp:category_nicename'),
          parentSlug: t('wp:category_parent'),
          name: t('wp:cat_name'),
          description: t('wp:category_description'),
        },
      }
    case 'wp:tag':
      return { kind: 'tag', tag: { termId: t('wp:term_id'), slug: t('wp:tag_slug'), name: t('wp:tag_name') } }
    case 'item':
      return { kind: 'item', item: toItem(node) }
    default:
      return CHANNEL_FIELDS.has(node.name) ? { kind: 'site', key: node.name, value: node.text.trim() } : null
  }
}

/** Every record of the export, streamed: the channel's own fields, authors, terms, items. */
export async function* readWxr(
  file: string,
  onChunk?: (chunk: Buffer, bytesSoFar: number) => void,
): AsyncGenerator<WxrRecord> {
  // rss > channel > (item | wp:author | wp:category | wp:tag | wp:base_site_url ...)
  const collect = (name: string, depth: number) =>
    depth === 3 && (name === 'item' || name.startsWith('wp:') || name === 'link')
  for await (const node of streamRecords(file, wxrPrefix, collect, onChunk)) {
    const record = toRecord(node)
    if (record) yield record
  }
}
