import { slugify } from '@/lib/slugify'
import { normaliseRedirectPath } from '@/lib/redirectPath'
import { pagePath, RESERVED_SEGMENTS } from '@/lib/pagePaths'
import { plainText } from './content'
import type { ItemSummary, Scan } from './scan'

export type Visibility = 'published' | 'scheduled' | 'draft' | 'private' | 'password' | 'trash'

/** WordPress status → what Byline does with it (private and password-protected are never public). */
export function visibilityOf(item: Pick<ItemSummary, 'status' | 'password'>): Visibility {
  if (item.status === 'trash') return 'trash'
  if (item.status === 'private') return 'private'
  if (item.password) return 'password'
  if (item.status === 'publish') return 'published'
  if (item.status === 'future') return 'scheduled'
  return 'draft'
}

export type PlannedItem = ItemSummary & {
  kind: 'article' | 'page'
  visibility: Visibility
  newSlug: string
  newPath: string
  title: string
  slugChanged: boolean
}

export type Plan = {
  items: Map<string, PlannedItem>
  /** Category slug → its full WordPress path ("parent/child"). */
  categoryPaths: Map<string, string>
  /** Normalised old address (path and query) → new path, for links inside posts. */
  oldToNew: Map<string, string>
  hosts: Set<string>
}

export const titleOf = (item: Pick<ItemSummary, 'title' | 'id' | 'type'>) =>
  plainText(item.title) || `Untitled ${item.type === 'page' ? 'page' : 'post'} ${item.id}`

/**
 * Slugs and paths for every post and page, decided before anything is written, the same on every
 * run: the WordPress slug (or one made from the title), suffixed "-2", "-3"… when an earlier item
 * or an article that was not imported already has it.
 */
export function planImport(scan: Scan, takenArticleSlugs: Set<string>, takenPageSlugs: Set<string>): Plan {
  const items = new Map<string, PlannedItem>()
  const taken = { article: new Set(takenArticleSlugs), page: new Set([...takenPageSlugs, ...RESERVED_SEGMENTS]) }
  for (const item of scan.items) {
    const kind = item.type === 'post' ? 'article' : item.type === 'page' ? 'page' : null
    if (!kind) continue
    const title = titleOf(item)
    const wanted = slugify(item.slug) || slugify(title) || `${kind === 'page' ? 'page' : 'post'}-${item.id}`
    let slug = wanted
    for (let n = 2; taken[kind].has(slug); n++) slug = `${wanted}-${n}`
    taken[kind].add(slug)
    items.set(item.id, {
      ...item,
      kind,
      title,
      visibility: visibilityOf(item),
      newSlug: slug,
      newPath: '',
      slugChanged: slug !== wanted,
    })
  }
  for (const item of items.values())
    item.newPath = item.kind === 'article' ? `/articles/${item.newSlug}` : pagePath(pageSlugs(items, item))

  const categoryPaths = new Map<string, string>()
  for (const slug of scan.categories.keys()) categoryPaths.set(slug, categoryChain(scan, slug).join('/'))

  const hosts = new Set<string>()
  for (const base of scan.baseUrls) {
    try {
      hosts.add(new URL(base).host.toLowerCase())
    } catch {
      /* not a URL */
    }
  }
  const oldToNew = new Map<string, string>()
  for (const item of items.values()) {
    if (item.visibility !== 'published' && item.visibility !== 'scheduled') continue
    for (const from of oldAddresses(item)) oldToNew.set(from, item.newPath)
  }
  return { items, categoryPaths, oldToNew, hosts }
}

/** The addresses a post or page answered at: its permalink, /?p=ID or /?page_id=ID. */
export function oldAddresses(item: Pick<ItemSummary, 'id' | 'link' | 'type'>): string[] {
  const out = new Set<string>()
  if (item.link) out.add(normaliseRedirectPath(item.link))
  out.add(normaliseRedirectPath(item.type === 'page' ? `/?page_id=${item.id}` : `/?p=${item.id}`))
  return [...out]
}

function pageSlugs(items: Map<string, PlannedItem>, item: PlannedItem): string[] {
  const slugs = [item.newSlug]
  const seen = new Set([item.id])
  let parent = items.get(item.parent)
  while (parent && parent.kind === 'page' && !seen.has(parent.id)) {
    seen.add(parent.id)
    slugs.unshift(parent.newSlug)
    parent = items.get(parent.parent)
  }
  return slugs
}

/** A category's slugs from the top: WordPress's /category/parent/child/. */
export function categoryChain(scan: Scan, slug: string): string[] {
  const chain: string[] = []
  const seen = new Set<string>()
  let current = scan.categories.get(slug)
  while (current && !seen.has(current.slug)) {
    seen.add(current.slug)
    chain.unshift(current.slug)
    current = current.parentSlug ? scan.categories.get(current.parentSlug) : undefined
  }
  return chain
}

/** An address on the old site (absolute on one of its hosts, or relative) → its new path, if imported. */
export function resolveOldUrl(plan: Plan, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    try {
      const u = new URL(url)
      if (!plan.hosts.has(u.host.toLowerCase())) return undefined
    } catch {
      return undefined
    }
  } else if (!url.startsWith('/')) return undefined
  return plan.oldToNew.get(normaliseRedirectPath(url))
}
