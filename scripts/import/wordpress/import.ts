import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { hashKey, truncateIp } from '@/lib/comments/identity'
import { LIMITS } from '@/lib/comments/messages'
import { slugify } from '@/lib/slugify'
import { htmlToLexicalConverter } from '../lib/htmlToLexical'
import { allocateIds, insertRows } from '../../seed/bulk/sql'
import { excerptOf } from '../../seed/bulk/text'
import { column, IMPORT_CONTEXT, importedIds, rowsOf, WriteBatch } from '../lib/db'
import { findAdmin, recordRun } from '../lib/importRun'
import { ImportReport } from '../lib/report'
import { commentText, convertContent, plainText } from './content'
import { loadAttachment } from './media'
import { planImport, resolveOldUrl, type Plan, type PlannedItem } from './plan'
import { writeRedirects } from './redirects'
import { decodeSlug, scanWxr, type ItemSummary, type Scan } from './scan'
import { readWxr, type WxrComment, type WxrItem } from './wxr'

export type WordPressImportOptions = {
  file: string
  mediaDir?: string
  dryRun?: boolean
  download?: boolean
  /** The admin whose name goes on posts by unknown creators (default: the first admin). */
  adminEmail?: string
  progress?: (phase: string, done: number, total: number) => void
}

export type ImportResult = { report: ImportReport; importId: number | null; scan: Scan }

const ID = {
  author: (login: string) => `wp:author:${login}`,
  term: (kind: 'category', slug: string) => `wp:${kind}:${slug}`,
  post: (id: string) => `wp:post:${id}`,
  comment: (id: string) => `wp:comment:${id}`,
}

const WP_NULL_DATE = /^0000-00-00/

/** "2011-01-18 07:40:14" (UTC) → ISO; WordPress's zero date → undefined. */
export function wpDate(gmt: string, local?: string): string | undefined {
  const value = gmt && !WP_NULL_DATE.test(gmt) ? gmt : local && !WP_NULL_DATE.test(local) ? local : ''
  if (!value) return undefined
  const d = new Date(`${value.replace(' ', 'T')}Z`)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

const COMMENT_STATUS: Record<string, 'approved' | 'pending' | 'spam' | 'trash'> = {
  '1': 'approved',
  '0': 'pending',
  spam: 'spam',
  trash: 'trash',
  'post-trashed': 'trash',
}

/**
 * `npm run import:wordpress`: a WXR export → Byline. Pass one reads the whole file (a malformed
 * one fails before any write) and plans slugs, paths and parents; pass two writes, keyed on the
 * WordPress ids (importId), so a second run or a run after a kill adds only what is missing.
 */
export async function importWordPress(payload: Payload, options: WordPressImportOptions): Promise<ImportResult> {
  const report = new ImportReport()
  const progress = options.progress ?? (() => {})
  const size = fs.statSync(options.file).size
  const scan = await scanWxr(options.file, (bytes) => progress('read', bytes, size))
  const dryRun = Boolean(options.dryRun)
  const admin = await findAdmin(payload, options.adminEmail)
  const { importId } = await recordRun(
    payload,
    {
      source: 'wordpress',
      file: options.file,
      sha256: scan.sha256,
      bytes: scan.bytes,
      userId: admin?.id ?? null,
      dryRun,
      report,
    },
    () => new Writer(payload, scan, report, options, admin?.id ?? null, dryRun).run(progress, size),
  )
  return { report, importId, scan }
}

class Writer {
  private plan!: Plan
  private users = new Map<string, number>()
  private userByWpId = new Map<string, number>()
  private categories = new Map<string, number>()
  private categoryIds = new Map<string, number>()
  private media = new Map<string, { id: number; url: string; alt: string; caption: string }>()
  private uploads = new Map<string, { id: number; url: string }>()
  private mediaByUrl = new Map<string, number>()
  private articles = new Map<string, number>()
  private pages = new Map<string, number>()
  private comments = new Map<string, number>()
  private pingbacks = new Map<string, number>()
  private fakeId = -1
  private convert!: Awaited<ReturnType<typeof htmlToLexicalConverter>>
  private batch!: WriteBatch

  constructor(
    private payload: Payload,
    private scan: Scan,
    private report: ImportReport,
    private options: WordPressImportOptions,
    private adminId: number | null,
    private dry: boolean,
  ) {}

  private nextFake = () => this.fakeId--

  async run(progress: NonNullable<WordPressImportOptions['progress']>, size: number) {
    const p = this.payload
    const [takenArticles, takenPages] = await Promise.all([
      column<string>(p, `select slug as v from articles where slug is not null and import_id is null`),
      column<string>(p, `select slug as v from pages where slug is not null and import_id is null`),
    ])
    this.plan = planImport(this.scan, new Set(takenArticles), new Set(takenPages))
    ;[this.articles, this.pages, this.comments, this.pingbacks, this.categoryIds] = await Promise.all([
      importedIds(p, 'articles', 'wp:post:'),
      importedIds(p, 'pages', 'wp:post:'),
      importedIds(p, 'comments', 'wp:comment:'),
      importedIds(p, 'pingbacks', 'wp:comment:'),
      importedIds(p, 'categories', 'wp:category:'),
    ])
    this.convert = await htmlToLexicalConverter(p.config)
    await this.writeAuthors()
    await this.writeCategories()
    // Tags are text on the articles: each one is "created" with the first article that carries it.
    this.report.counts.tags = { created: this.scan.tags.size, existing: 0, skipped: 0 }
    await this.writeAttachments()
    // Posts, pages and their comments: many per transaction (WriteBatch), each post with its
    // comments in the same one, so a kill never leaves a post with half its thread.
    this.batch = new WriteBatch(p)
    try {
      for await (const record of readWxr(this.options.file, (_c, bytes) => progress('import', bytes, size))) {
        if (record.kind !== 'item') continue
        await this.writeItem(record.item)
        await this.batch.wrote()
      }
      await this.batch.commit()
    } catch (error) {
      await this.batch.rollback()
      throw error
    }
    await this.linkPageParents()
    if (!this.dry) {
      const created = await writeRedirects(p, this.scan, this.plan, this.users)
      this.report.count('redirects', 'created', created.created)
      this.report.count('redirects', 'existing', created.existing)
    } else this.report.count('redirects', 'created', 0)
  }

  // ---- authors ----
  private async writeAuthors() {
    const known = await importedIds(this.payload, 'users', 'wp:author:')
    for (const author of this.scan.authors.values()) {
      const key = ID.author(author.login)
      let id = known.get(key)
      if (id) this.report.count('authors', 'existing')
      else {
        const email = (author.email || `${slugify(author.login) || 'author'}@imported.invalid`).toLowerCase()
        const { docs } = await this.payload.find({
          collection: 'users',
          where: { email: { equals: email } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
        })
        if (docs[0]) {
          id = docs[0].id
          this.report.count('authors', 'existing')
          this.report.warn(`author ${author.login}: an account with ${email} exists; their posts go to it`)
        } else if (this.dry) {
          id = this.nextFake()
          this.report.count('authors', 'created')
        } else {
          const name = plainText(author.displayName) || author.login
          // A long random password nobody knows: they choose their own through "Forgot password".
          const user = await this.payload.create({
            collection: 'users',
            overrideAccess: true,
            context: IMPORT_CONTEXT,
            data: { email, name, password: randomBytes(32).toString('base64url'), roles: ['editor'], importId: key },
          })
          id = user.id
          this.report.count('authors', 'created')
        }
      }
      this.users.set(author.login, id)
      if (author.id) this.userByWpId.set(author.id, id)
    }
  }

  // ---- categories (parents first) and tags ----
  private async writeCategories() {
    const done = new Set<string>()
    const visit = async (slug: string, trail: Set<string>): Promise<number | undefined> => {
      if (this.categories.has(slug)) return this.categories.get(slug)
      const category = this.scan.categories.get(slug)
      if (!category || trail.has(slug)) return undefined
      trail.add(slug)
      const parentId = category.parentSlug ? await visit(category.parentSlug, trail) : undefined
      const key = ID.term('category', slug)
      let id = this.categoryIds.get(key)
      if (id) this.report.count('categories', 'existing')
      else {
        const bylineSlug = slugify(decodeSlug(slug)) || `category-${category.termId || slug}`
        const same = await this.payload.find({
          collection: 'categories',
          where: { slug: { equals: bylineSlug } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
        })
        if (same.docs[0]) {
          id = same.docs[0].id
          this.report.count('categories', 'existing')
        } else if (this.dry) {
          id = this.nextFake()
          this.report.count('categories', 'created')
        } else {
          const doc = await this.payload.create({
            collection: 'categories',
            overrideAccess: true,
            context: IMPORT_CONTEXT,
            data: {
              title: category.name,
              slug: bylineSlug,
              parent: parentId && parentId > 0 ? parentId : undefined,
              importId: key,
            },
          })
          id = doc.id
          this.report.count('categories', 'created')
        }
      }
      this.categories.set(slug, id)
      done.add(slug)
      return id
    }
    for (const slug of this.scan.categories.keys()) await visit(slug, new Set())
  }

  // ---- attachments → media ----
  private async writeAttachments() {
    const known = await importedIds(this.payload, 'media', 'wp:post:')
    const filenames = new Map<number, string>()
    if (known.size) {
      const rows = await rowsOf<{ id: number; filename: string }>(
        this.payload,
        `select id, filename from media where import_id like 'wp:post:%'`,
      )
      for (const r of rows) filenames.set(r.id, r.filename)
    }
    for (const item of this.scan.items) {
      if (item.type !== 'attachment') continue
      const key = ID.post(item.id)
      const alt = item.alt || plainText(item.title) || path.basename(item.attachmentUrl)
      let entry: { id: number; url: string } | undefined
      const existing = known.get(key)
      if (existing) {
        entry = { id: existing, url: `/api/media/file/${encodeURIComponent(filenames.get(existing) ?? '')}` }
        this.report.count('media', 'existing')
      } else {
        const loaded = await loadAttachment(item, this.options)
        if ('skip' in loaded) {
          this.report.skip('media', `${item.id} (${item.attachmentUrl})`, loaded.skip)
          continue
        }
        if (this.dry) entry = { id: this.nextFake(), url: item.attachmentUrl }
        else {
          const doc = await this.payload.create({
            collection: 'media',
            overrideAccess: true,
            context: IMPORT_CONTEXT,
            data: { alt: alt.slice(0, 500), caption: item.caption || undefined, importId: key },
            file: loaded.file,
          })
          entry = { id: doc.id, url: doc.url ?? '' }
        }
        this.report.count('media', 'created')
      }
      this.media.set(item.id, { ...entry, alt, caption: item.caption })
      const rel = uploadPath(item.attachmentUrl)
      if (rel) this.uploads.set(rel, entry)
      this.mediaByUrl.set(entry.url, entry.id)
    }
  }

  private mediaFor(url: string) {
    const rel = uploadPath(url)
    if (!rel) return undefined
    return (
      this.uploads.get(rel) ??
      this.uploads.get(rel.replace(/-\d+x\d+(?=\.[a-z0-9]+$)/i, '')) ??
      this.uploads.get(rel.replace(/-scaled(?=\.[a-z0-9]+$)/i, ''))
    )
  }

  // ---- posts and pages ----
  private async writeItem(item: WxrItem) {
    const planned = this.plan.items.get(item.id)
    if (!planned) {
      if (item.type !== 'attachment')
        this.report.skip('items', `${item.id} (${item.type || 'no type'})`, `post type "${item.type}" is not imported`)
      return
    }
    const kind = planned.kind === 'article' ? 'articles' : 'pages'
    if (planned.visibility === 'trash') {
      this.report.skip(kind, `${item.id} "${planned.title}"`, 'in the trash')
      return
    }
    if (planned.visibility === 'private' || planned.visibility === 'password') {
      this.report.warn(
        `${kind} ${item.id} "${planned.title}": ${planned.visibility === 'private' ? 'private' : 'password-protected'}, imported as a draft (never public)`,
      )
    }
    if (planned.slugChanged)
      this.report.warn(
        `${kind} ${item.id} "${planned.title}": slug taken, now ${planned.newSlug} (old address redirects)`,
      )
    const key = ID.post(item.id)
    const map = planned.kind === 'article' ? this.articles : this.pages
    let id = map.get(key)
    if (id) this.report.count(kind, 'existing')
    else {
      id = this.dry ? this.nextFake() : await this.createItem(item, planned, key)
      map.set(key, id)
      this.report.count(kind, 'created')
    }
    await this.writeComments(item, planned, id)
  }

  private async createItem(item: WxrItem, planned: PlannedItem, key: string): Promise<number> {
    const warn = (m: string) => this.report.warn(`${planned.kind}s ${item.id} "${planned.title}": ${m}`)
    const { html, teaser } = convertContent(item.content, {
      mediaUrl: (url) => {
        const m = this.mediaFor(url)
        return m?.url
      },
      attachment: (id) => this.media.get(id),
      newPath: (url) => resolveOldUrl(this.plan, url),
      warn,
    })
    const { state, droppedImages } = this.convert(tagImages(html, (url) => this.mediaByUrl.get(url)))
    if (droppedImages.length)
      warn(`${droppedImages.length} image(s) not imported, linked instead: ${droppedImages.slice(0, 3).join(', ')}`)
    const published = planned.visibility === 'published' || planned.visibility === 'scheduled'
    const date = wpDate(item.dateGmt, item.date)
    const authorId = this.users.get(item.creator) ?? this.adminId
    if (!this.users.has(item.creator))
      warn(`creator "${item.creator}" is not among the export's authors; credited to the importing admin`)
    const excerpt = plainText(item.excerpt) || teaser || undefined
    if (planned.kind === 'page') {
      const doc = await this.payload.create({
        collection: 'pages',
        overrideAccess: true,
        context: IMPORT_CONTEXT,
        req: await this.batch.req(),
        draft: !published,
        depth: 0,
        data: {
          title: planned.title,
          slug: planned.newSlug,
          content: state as never,
          publishedAt: date,
          meta: { description: excerpt },
          importId: key,
          _status: published ? 'published' : 'draft',
        },
      })
      return doc.id
    }
    const thumbnail = item.meta.get('_thumbnail_id')
    const hero = thumbnail ? this.media.get(thumbnail) : undefined
    if (thumbnail && !hero) warn(`featured image ${thumbnail} was not imported`)
    const categories = item.terms
      .filter((t) => t.domain === 'category')
      .map((t) => this.categories.get(t.slug || slugify(t.name)))
      .filter((c): c is number => typeof c === 'number' && c > 0)
    const tags = [
      ...new Set(
        item.terms
          .filter((t) => t.domain === 'post_tag')
          .map((t) => this.scan.tags.get(t.slug || slugify(t.name))?.name ?? plainText(t.name))
          .filter(Boolean),
      ),
    ]
    const doc = await this.payload.create({
      collection: 'articles',
      overrideAccess: true,
      context: IMPORT_CONTEXT,
      req: await this.batch.req(),
      draft: !published,
      depth: 0,
      data: {
        title: planned.title,
        slug: planned.newSlug,
        excerpt,
        content: state as never,
        heroImage: hero && hero.id > 0 ? hero.id : undefined,
        publishedAt: date,
        authors: authorId ? [authorId] : [],
        categories: [...new Set(categories)],
        tags,
        commentsOpen: item.commentStatus !== 'closed',
        importId: key,
        _status: published ? 'published' : 'draft',
      },
    })
    return doc.id
  }

  /** Pages are written in file order; each one's parent is linked once all exist (paths follow). */
  private async linkPageParents() {
    for (const planned of this.plan.items.values()) {
      if (planned.kind !== 'page' || planned.parent === '0' || planned.visibility === 'trash') continue
      const id = this.pages.get(ID.post(planned.id))
      const parentId = this.pages.get(ID.post(planned.parent))
      if (!id || id < 0 || !parentId || parentId < 0) continue
      const current = await this.payload.findByID({
        collection: 'pages',
        id,
        depth: 0,
        draft: true,
        overrideAccess: true,
        select: { parent: true },
      })
      if (current.parent) continue
      await this.payload.update({
        collection: 'pages',
        id,
        data: { parent: parentId },
        draft: planned.visibility !== 'published' && planned.visibility !== 'scheduled',
        overrideAccess: true,
        context: IMPORT_CONTEXT,
      })
    }
  }

  // ---- comments ----
  /**
   * An item's comments and pingbacks, each kind in one INSERT inside the batch's transaction.
   * Payload's create per comment ran hooks that an import skips anyway (IMPORT_CONTEXT: no
   * revalidation, mail, spam rules or reader recount) and cost a dozen statements each; the rows
   * written here are the ones it wrote (excerpt as the collection's field hook makes it, notify
   * and byStaff false, no verdict).
   */
  private async writeComments(item: WxrItem, planned: PlannedItem, ownerId: number) {
    if (!item.comments.length) return
    const readerComments: WxrComment[] = []
    const pingbacks: WxrComment[] = []
    for (const c of item.comments) {
      if (c.type === 'pingback' || c.type === 'trackback') pingbacks.push(c)
      else if (planned.kind === 'page')
        this.report.skip('comments', c.id, `on page ${item.id}: Byline pages have no comments`)
      else readerComments.push(c)
    }
    await this.writePingbacks(pingbacks, planned, ownerId)
    // Parents before replies, whatever order the file lists them in.
    const byId = new Map(readerComments.map((c) => [c.id, c]))
    const depthOf = (c: WxrComment) => {
      let depth = 0
      const seen = new Set<string>()
      for (let p = byId.get(c.parent); p && !seen.has(p.id); p = byId.get(p.parent)) {
        seen.add(p.id)
        depth++
      }
      return depth
    }
    const ordered = readerComments
      .map((c) => ({ c, depth: depthOf(c) }))
      .sort((a, b) => a.depth - b.depth || Number(a.c.id) - Number(b.c.id))
    const rows: (Record<string, unknown> & { c: WxrComment })[] = []
    for (const { c } of ordered) {
      const row = this.commentRow(c, ownerId)
      if (row) rows.push(row)
    }
    if (!rows.length) return
    const ids = this.dry
      ? rows.map(() => this.nextFake())
      : await allocateIds(await this.batch.client(), 'comments', rows.length)
    rows.forEach((row, i) => {
      const { c } = row
      // Ordered by depth: a parent in this item already has its id here.
      if (c.parent !== '0') {
        const parent = this.comments.get(ID.comment(c.parent))
        if (!parent)
          this.report.warn(`comment ${c.id}: its parent ${c.parent} was not imported; attached to the article`)
        row.parent_id = parent && parent > 0 ? parent : null
      }
      row.id = ids[i]
      this.comments.set(row.import_id as string, ids[i])
      this.report.count('comments', 'created')
    })
    if (!this.dry) await insertRows(await this.batch.client(), 'comments', COMMENT_COLUMNS, rows)
  }

  /** A comment as a row of the comments table (its id and parent come later); undefined when skipped or already there. */
  private commentRow(c: WxrComment, articleId: number) {
    const key = ID.comment(c.id)
    if (this.comments.has(key)) {
      this.report.count('comments', 'existing')
      return undefined
    }
    const body = commentText(c.content)
    if (!body) {
      this.report.skip('comments', c.id, 'empty')
      return undefined
    }
    if (body.length > LIMITS.body) this.report.warn(`comment ${c.id}: ${body.length} characters, cut to ${LIMITS.body}`)
    const status = COMMENT_STATUS[c.approved] ?? 'pending'
    if (!COMMENT_STATUS[c.approved])
      this.report.warn(`comment ${c.id}: unknown status "${c.approved}", imported as pending`)
    const authorUrl = c.url && c.url.length <= LIMITS.authorUrl ? c.url : null
    const email =
      c.email && c.email.length <= LIMITS.authorEmail && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email)
        ? c.email.toLowerCase()
        : null
    const text = body.slice(0, LIMITS.body)
    const now = new Date().toISOString()
    return {
      c,
      excerpt: excerptOf(text),
      article_id: articleId,
      parent_id: null as number | null,
      body: text,
      author_name: (plainText(c.author) || 'Anonymous').slice(0, LIMITS.authorName),
      author_email: email,
      author_url: authorUrl,
      status,
      ip: c.ip ? truncateIp(c.ip) : null,
      ip_hash: c.ip ? hashKey('ip', c.ip) : null,
      staff_author_id: c.userId !== '0' ? (this.userByWpId.get(c.userId) ?? null) : null,
      notify: false,
      by_staff: false,
      import_id: key,
      created_at: wpDate(c.dateGmt, c.date) ?? now,
      updated_at: now,
    }
  }

  private async writePingbacks(list: WxrComment[], planned: PlannedItem, ownerId: number) {
    const rows: Record<string, unknown>[] = []
    for (const c of list) {
      const key = ID.comment(c.id)
      if (this.pingbacks.has(key)) {
        this.report.count('pingbacks', 'existing')
        continue
      }
      this.report.count('pingbacks', 'created')
      if (this.dry) continue
      const now = new Date().toISOString()
      rows.push({
        type: c.type,
        article_id: planned.kind === 'article' && ownerId > 0 ? ownerId : null,
        page_id: planned.kind === 'page' && ownerId > 0 ? ownerId : null,
        source_name: plainText(c.author),
        source_url: c.url,
        excerpt: commentText(c.content),
        ip: c.ip ? truncateIp(c.ip) : null,
        status: COMMENT_STATUS[c.approved] ?? 'pending',
        received_at: wpDate(c.dateGmt, c.date) ?? null,
        import_id: key,
        created_at: now,
        updated_at: now,
      })
    }
    if (!rows.length) return
    const db = await this.batch.client()
    const ids = await allocateIds(db, 'pingbacks', rows.length)
    rows.forEach((row, i) => {
      row.id = ids[i]
      this.pingbacks.set(row.import_id as string, ids[i])
    })
    await insertRows(db, 'pingbacks', PINGBACK_COLUMNS, rows)
  }
}

const COMMENT_COLUMNS = {
  id: 'int',
  excerpt: 'varchar',
  article_id: 'int',
  parent_id: 'int',
  body: 'varchar',
  author_name: 'varchar',
  author_email: 'varchar',
  author_url: 'varchar',
  status: 'enum_comments_status',
  ip: 'varchar',
  ip_hash: 'varchar',
  staff_author_id: 'int',
  notify: 'bool',
  by_staff: 'bool',
  import_id: 'varchar',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
}
const PINGBACK_COLUMNS = {
  id: 'int',
  type: 'enum_pingbacks_type',
  article_id: 'int',
  page_id: 'int',
  source_name: 'varchar',
  source_url: 'varchar',
  excerpt: 'varchar',
  ip: 'varchar',
  status: 'enum_pingbacks_status',
  received_at: 'timestamptz',
  import_id: 'varchar',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
}

/** The path after wp-content/uploads/ ("2014/05/photo.jpg"), the key for finding an upload. */
export function uploadPath(url: string): string | undefined {
  const m = /\/wp-content\/uploads\/(.+?)(?:[?#].*)?$/.exec(url)
  if (!m) return undefined
  try {
    return decodeURIComponent(m[1])
  } catch {
    return m[1]
  }
}

/** Marks each <img> that shows an imported upload with its media id, so it becomes an upload node. */
function tagImages(html: string, mediaId: (url: string) => number | undefined): string {
  return html.replace(
    /<img\b([^>]*?)\ssrc=(["'])(.*?)\2([^>]*)>/gi,
    (whole, before: string, q: string, src: string, after: string) => {
      const id = mediaId(src)
      return id && id > 0
        ? `<img${before} src=${q}${src}${q} data-lexical-upload-relation-to="media" data-lexical-upload-id="${id}"${after}>`
        : whole
    },
  )
}

export type { ItemSummary }
