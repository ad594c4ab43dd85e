import type { Payload } from 'payload'

import { normaliseRedirectPath } from '@/lib/redirectPath'
import { publishedAuthorSlugs } from '@/lib/authors'
import { poolOf } from '@/lib/sql'
import { slugify } from '@/lib/slugify'
import { rowsOf } from '../lib/db'
import { categoryChain, oldAddresses, type Plan } from './plan'
import type { Scan } from './scan'

type Redirect = {
  from: string
  type: 'article' | 'page' | 'category' | 'tag' | 'url'
  article?: number
  page?: number
  category?: number
  tag?: string
  url?: string
  newPath: string
}

/**
 * Every old address of what was imported and is public, as Redirects rows: each post's and
 * page's permalink, /?p=ID and /?page_id=ID, attachment pages (to the post they belong to, else
 * the file), /category/a/b/ and /?cat=ID, /tag/x/, /author/x/ (to the account's author page,
 * /authors/<slug>; to the home page while that page would be a 404: an account that signs no
 * published article). Written in one statement; an address already there is left as it is.
 */
export async function writeRedirects(
  payload: Payload,
  scan: Scan,
  plan: Plan,
  /** WordPress author login → the staff account their posts went to. */
  authors: Map<string, number>,
): Promise<{ created: number; existing: number }> {
  const ids = async (table: string) =>
    new Map(
      (
        await rowsOf<{ id: number; import_id: string }>(
          payload,
          `select id, import_id from "${table}" where import_id like 'wp:%'`,
        )
      ).map((r) => [r.import_id, r.id]),
    )
  const [articles, pages, categories] = await Promise.all([ids('articles'), ids('pages'), ids('categories')])
  const files = new Map(
    (
      await rowsOf<{ import_id: string; filename: string }>(
        payload,
        `select import_id, filename from media where import_id like 'wp:post:%'`,
      )
    ).map((r) => [r.import_id, r.filename]),
  )
  const out = new Map<string, Redirect>()
  const add = (from: string, r: Omit<Redirect, 'from'>) => {
    const key = normaliseRedirectPath(from)
    if (key === normaliseRedirectPath(r.newPath) || out.has(key)) return
    out.set(key, { from: key, ...r })
  }
  const targetOf = (id: string): Omit<Redirect, 'from'> | undefined => {
    const item = plan.items.get(id)
    if (!item || (item.visibility !== 'published' && item.visibility !== 'scheduled')) return undefined
    const article = articles.get(`wp:post:${id}`)
    const page = pages.get(`wp:post:${id}`)
    if (item.kind === 'article' && article) return { type: 'article', article, newPath: item.newPath }
    if (item.kind === 'page' && page) return { type: 'page', page, newPath: item.newPath }
    return undefined
  }
  for (const item of plan.items.values()) {
    const target = targetOf(item.id)
    if (target) for (const from of oldAddresses(item)) add(from, target)
  }
  for (const item of scan.items) {
    if (item.type !== 'attachment') continue
    const file = files.get(`wp:post:${item.id}`)
    const target =
      targetOf(item.parent) ??
      (file
        ? {
            type: 'url' as const,
            url: `/api/media/file/${encodeURIComponent(file)}`,
            newPath: `/api/media/file/${file}`,
          }
        : undefined)
    if (!target) continue
    if (item.link) add(item.link, target)
    add(`/?attachment_id=${item.id}`, target)
  }
  for (const [slug, category] of scan.categories) {
    const id = categories.get(`wp:category:${slug}`)
    if (!id) continue
    const target = { type: 'category' as const, category: id, newPath: '' }
    add(`/category/${categoryChain(scan, slug).join('/')}/`, target)
    if (category.termId) add(`/?cat=${category.termId}`, target)
  }
  // A tag's page lists its public articles: only tags some public article carries get one.
  const usedTags = new Set(
    [...plan.items.values()].filter((i) => i.kind === 'article' && targetOf(i.id)).flatMap((i) => i.tagSlugs),
  )
  for (const [slug, tag] of scan.tags)
    if (usedTags.has(slug)) add(`/tag/${slug}/`, { type: 'tag', tag: tag.name, newPath: `/tags/${slugify(tag.name)}` })
  // lib/archives.ts's author page answers 404 for an account that signs no published article.
  const authorPages = new Map(
    (
      await publishedAuthorSlugs(
        payload,
        [...authors.values()].filter((id) => id > 0),
      )
    ).map((a) => [a.id, `/authors/${a.slug}`]),
  )
  for (const login of scan.authors.keys()) {
    const to = authorPages.get(authors.get(login) ?? 0) ?? '/'
    add(`/author/${login}/`, { type: 'url', url: to, newPath: to })
  }

  const rows = [...out.values()]
  if (!rows.length) return { created: 0, existing: 0 }
  let created = 0
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000)
    const col = <K extends keyof Redirect>(k: K) => batch.map((r) => r[k] ?? null)
    const result = await poolOf(payload).query(
      `insert into redirects ("from", to_type, to_article_id, to_page_id, to_category_id, to_tag, to_url, status_code)
       select f, t::enum_redirects_to_type, a, p, c, tg, u, '301'
       from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[]) as x(f, t, a, p, c, tg, u)
       on conflict ("from") do nothing`,
      [col('from'), col('type'), col('article'), col('page'), col('category'), col('tag'), col('url')],
    )
    created += (result as unknown as { rowCount: number }).rowCount ?? 0
  }
  return { created, existing: rows.length - created }
}
