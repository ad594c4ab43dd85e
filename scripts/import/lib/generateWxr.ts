/**
 * Writes WordPress exports (WXR 1.2, the https namespace URIs that current WordPress writes) for
 * tests and the import benchmark, in the shapes real exports have: authors, nested categories,
 * tags, attachments, classic and block posts, pages, threaded comments, pingbacks.
 */
export const WXR_NS = 'https://wordpress.org/export/1.2/'

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export type GenComment = {
  id: number
  parent?: number
  author?: string
  email?: string
  url?: string
  ip?: string
  date?: string
  content: string
  approved?: string
  type?: string
  userId?: number
}
export type GenItem = {
  id: number
  title: string
  type?: 'post' | 'page' | 'attachment' | 'nav_menu_item'
  status?: string
  slug?: string
  link?: string
  creator?: string
  content?: string
  excerpt?: string
  date?: string
  /** post_date_gmt when it differs from post_date (the site's local time). */
  dateGmt?: string
  parent?: number
  password?: string
  commentStatus?: 'open' | 'closed'
  attachmentUrl?: string
  categories?: { slug: string; name: string }[]
  tags?: { slug: string; name: string }[]
  meta?: Record<string, string>
  comments?: GenComment[]
}
export type GenExport = {
  site?: string
  authors?: { id: number; login: string; email: string; name: string }[]
  categories?: { id: number; slug: string; name: string; parent?: string }[]
  tags?: { id: number; slug: string; name: string }[]
  items: GenItem[]
}

export function wxrHeader(site: string, ns = WXR_NS): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="${ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="${ns}">
<channel>
<title>Generated</title>
<link>${esc(site)}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${esc(site)}</wp:base_site_url>
<wp:base_blog_url>${esc(site)}</wp:base_blog_url>
`
}
export const WXR_FOOTER = '</channel>\n</rss>\n'

export function wxrTerms(e: Omit<GenExport, 'items'>): string {
  const out: string[] = []
  for (const a of e.authors ?? [])
    out.push(
      `<wp:author><wp:author_id>${a.id}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(a.email)}</wp:author_email><wp:author_display_name>${cdata(a.name)}</wp:author_display_name></wp:author>`,
    )
  for (const c of e.categories ?? [])
    out.push(
      `<wp:category><wp:term_id>${c.id}</wp:term_id><wp:category_nicename>${cdata(c.slug)}</wp:category_nicename><wp:category_parent>${cdata(c.parent ?? '')}</wp:category_parent><wp:cat_name>${cdata(c.name)}</wp:cat_name></wp:category>`,
    )
  for (const t of e.tags ?? [])
    out.push(
      `<wp:tag><wp:term_id>${t.id}</wp:term_id><wp:tag_slug>${cdata(t.slug)}</wp:tag_slug><wp:tag_name>${cdata(t.name)}</wp:tag_name></wp:tag>`,
    )
  return out.join('\n') + '\n'
}

export function wxrItem(site: string, item: GenItem): string {
  const type = item.type ?? 'post'
  const date = item.date ?? '2020-01-15 10:00:00'
  const link = item.link ?? `${site}/?${type === 'page' ? 'page_id' : 'p'}=${item.id}`
  const terms = [
    ...(item.categories ?? []).map(
      (c) => `<category domain="category" nicename="${esc(c.slug)}">${cdata(c.name)}</category>`,
    ),
    ...(item.tags ?? []).map(
      (t) => `<category domain="post_tag" nicename="${esc(t.slug)}">${cdata(t.name)}</category>`,
    ),
  ]
  const meta = Object.entries(item.meta ?? {}).map(
    ([k, v]) =>
      `<wp:postmeta><wp:meta_key>${cdata(k)}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`,
  )
  const comments = (item.comments ?? []).map(
    (c) =>
      `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(c.author ?? 'Reader')}</wp:comment_author><wp:comment_author_email>${cdata(c.email ?? '')}</wp:comment_author_email><wp:comment_author_url>${esc(c.url ?? '')}</wp:comment_author_url><wp:comment_author_IP>${esc(c.ip ?? '')}</wp:comment_author_IP><wp:comment_date>${c.date ?? date}</wp:comment_date><wp:comment_date_gmt>${c.date ?? date}</wp:comment_date_gmt><wp:comment_content>${cdata(c.content)}</wp:comment_content><wp:comment_approved>${cdata(c.approved ?? '1')}</wp:comment_approved><wp:comment_type>${cdata(c.type ?? '')}</wp:comment_type><wp:comment_parent>${c.parent ?? 0}</wp:comment_parent><wp:comment_user_id>${c.userId ?? 0}</wp:comment_user_id></wp:comment>`,
  )
  return `<item>
<title>${esc(item.title)}</title>
<link>${esc(link)}</link>
<dc:creator>${cdata(item.creator ?? 'alice')}</dc:creator>
<guid isPermaLink="false">${esc(site)}/?p=${item.id}</guid>
<description></description>
<content:encoded>${cdata(item.content ?? '')}</content:encoded>
<excerpt:encoded>${cdata(item.excerpt ?? '')}</excerpt:encoded>
<wp:post_id>${item.id}</wp:post_id>
<wp:post_date>${cdata(date)}</wp:post_date>
<wp:post_date_gmt>${cdata(item.dateGmt ?? date)}</wp:post_date_gmt>
<wp:comment_status>${item.commentStatus ?? 'open'}</wp:comment_status>
<wp:ping_status>open</wp:ping_status>
<wp:post_name>${cdata(item.slug ?? '')}</wp:post_name>
<wp:status>${cdata(item.status ?? (type === 'attachment' ? 'inherit' : 'publish'))}</wp:status>
<wp:post_parent>${item.parent ?? 0}</wp:post_parent>
<wp:menu_order>0</wp:menu_order>
<wp:post_type>${type}</wp:post_type>
<wp:post_password>${cdata(item.password ?? '')}</wp:post_password>
<wp:is_sticky>0</wp:is_sticky>
${item.attachmentUrl ? `<wp:attachment_url>${cdata(item.attachmentUrl)}</wp:attachment_url>\n` : ''}${terms.join('\n')}
${meta.join('\n')}
${comments.join('\n')}
</item>
`
}

export function generateWxr(e: GenExport, ns = WXR_NS): string {
  const site = e.site ?? 'https://old.example'
  return wxrHeader(site, ns) + wxrTerms(e) + e.items.map((i) => wxrItem(site, i)).join('') + WXR_FOOTER
}

export type GenDisqusPost = {
  id: string
  message: string
  parent?: string
  spam?: boolean
  deleted?: boolean
  at?: string
}
export type GenDisqusThread = { id: string; identifier: string; link: string; title?: string; posts: GenDisqusPost[] }

/** A Disqus export (the shape Disqus mails): its threads, then every post pointing at its thread. */
export function generateDisqus(threads: GenDisqusThread[]): string {
  const thread = (t: GenDisqusThread) =>
    `<thread dsq:id="${esc(t.id)}"><id>${esc(t.identifier)}</id><forum>old</forum><link>${esc(t.link)}</link><title>${esc(t.title ?? `Thread ${t.id}`)}</title><createdAt>2020-01-15T10:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>`
  const post = (t: GenDisqusThread, p: GenDisqusPost) =>
    `<post dsq:id="${esc(p.id)}"><message>${cdata(p.message)}</message><createdAt>${p.at ?? '2020-01-20T12:00:00Z'}</createdAt><isDeleted>${Boolean(p.deleted)}</isDeleted><isSpam>${Boolean(p.spam)}</isSpam><author><email>d${esc(p.id)}@disqus.example</email><name>Disqus ${esc(p.id)}</name><isAnonymous>false</isAnonymous></author><ipAddress>198.51.100.7</ipAddress><thread dsq:id="${esc(t.id)}"/>${p.parent ? `<parent dsq:id="${esc(p.parent)}"/>` : ''}</post>`
  return `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<category dsq:id="1"><forum>old</forum><title>General</title><isDefault>true</isDefault></category>
${threads.map(thread).join('\n')}
${threads.flatMap((t) => t.posts.map((p) => post(t, p))).join('\n')}
</disqus>
`
}
