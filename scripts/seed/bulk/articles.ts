import { slugify } from '@/lib/slugify'
import { objectId, type Random } from './random'
import { allocateIds, type Db, insertRows } from './sql'
import { articleBody, headline, tagsFor } from './text'

export type Ref = { id: number; name: string }
export type ArticleStub = { id: number; publishedAt: Date | null }
export type ArticleContext = {
  db: Db
  r: Random
  categories: Ref[]
  writers: Ref[]
  media: number[]
  now: Date
}

const DAY = 86_400_000
const YEARS = 3

const ARTICLE = {
  id: 'int',
  title: 'varchar',
  excerpt: 'varchar',
  hero_image_id: 'int',
  content: 'jsonb',
  slug: 'varchar',
  published_at: 'timestamptz',
  updated_at: 'timestamptz',
  created_at: 'timestamptz',
  _status: 'enum_articles_status',
  comments_open: 'bool',
}
const VERSION = {
  id: 'int',
  parent_id: 'int',
  version_title: 'varchar',
  version_excerpt: 'varchar',
  version_hero_image_id: 'int',
  version_content: 'jsonb',
  version_slug: 'varchar',
  version_published_at: 'timestamptz',
  version_updated_at: 'timestamptz',
  version_created_at: 'timestamptz',
  version__status: 'enum__articles_v_version_status',
  version_comments_open: 'bool',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  latest: 'bool',
  autosave: 'bool',
}
const TEXT = { order: 'int', parent_id: 'int', path: 'varchar', text: 'varchar' }
const REL = {
  order: 'int',
  parent_id: 'int',
  path: 'varchar',
  users_id: 'int',
  categories_id: 'int',
}
const AUTHOR = {
  _order: 'int',
  _parent_id: 'int',
  id: 'varchar',
  author_id: 'varchar',
  name: 'varchar',
}
const VERSION_AUTHOR = {
  _order: 'int',
  _parent_id: 'int',
  author_id: 'varchar',
  name: 'varchar',
  _uuid: 'varchar',
}

type Row = Record<string, unknown>

/**
 * Inserts `count` articles numbered from `firstIndex` with exactly the rows Payload writes when an
 * editor publishes (or saves a draft of) an article: the document, its tags, categories and
 * authors, the authors' copied names, and one latest version carrying the same.
 */
export async function insertArticles(ctx: ArticleContext, firstIndex: number, count: number): Promise<ArticleStub[]> {
  const { db, r, now } = ctx
  const [ids, versionIds] = await Promise.all([
    allocateIds(db, 'articles', count),
    allocateIds(db, '_articles_v', count),
  ])
  const t: Record<string, Row[]> = {
    articles: [],
    texts: [],
    rels: [],
    authors: [],
    versions: [],
    vTexts: [],
    vRels: [],
    vAuthors: [],
  }
  const stubs: ArticleStub[] = []

  ids.forEach((id, i) => {
    const vid = versionIds[i]
    const title = headline(r)
    const { content, excerpt } = articleBody(r)
    const draft = r.chance(0.03)
    const publishedAt = draft ? null : new Date(now.getTime() - YEARS * 365 * DAY * r.next() ** 2)
    const createdAt = new Date((publishedAt ?? now).getTime() - r.int(1, 48 * 3600) * 1000)
    const updatedAt =
      publishedAt && r.chance(0.2)
        ? new Date(Math.min(now.getTime(), publishedAt.getTime() + r.int(1, 72) * 3600_000))
        : (publishedAt ?? createdAt)
    const doc = {
      title,
      excerpt,
      hero_image_id: ctx.media.length && r.chance(0.8) ? r.pick(ctx.media) : null,
      content: JSON.stringify(content),
      slug: `${slugify(title)}-${firstIndex + i}`,
      published_at: publishedAt?.toISOString() ?? null,
      updated_at: updatedAt.toISOString(),
      created_at: createdAt.toISOString(),
      _status: draft ? 'draft' : 'published',
      comments_open: r.chance(0.95),
    }
    t.articles.push({ id, ...doc })
    const versionAt = new Date(updatedAt.getTime() + r.int(5, 200)).toISOString()
    t.versions.push({
      id: vid,
      parent_id: id,
      version_title: doc.title,
      version_excerpt: doc.excerpt,
      version_hero_image_id: doc.hero_image_id,
      version_content: doc.content,
      version_slug: doc.slug,
      version_published_at: doc.published_at,
      version_updated_at: doc.updated_at,
      version_created_at: doc.created_at,
      version__status: doc._status,
      version_comments_open: doc.comments_open,
      created_at: versionAt,
      updated_at: versionAt,
      latest: true,
      autosave: false,
    })

    tagsFor(r).forEach((text, n) => {
      t.texts.push({ order: n + 1, parent_id: id, path: 'tags', text })
      t.vTexts.push({ order: n + 1, parent_id: vid, path: 'version.tags', text })
    })
    const writers = [...new Set([r.pick(ctx.writers), ...(r.chance(0.15) ? [r.pick(ctx.writers)] : [])])]
    writers.forEach((w, n) => {
      const uuid = objectId(r, createdAt, (firstIndex + i) * 4 + n)
      t.rels.push({ order: n + 1, parent_id: id, path: 'authors', users_id: w.id })
      t.vRels.push({ order: n + 1, parent_id: vid, path: 'version.authors', users_id: w.id })
      t.authors.push({
        _order: n + 1,
        _parent_id: id,
        id: uuid,
        author_id: String(w.id),
        name: w.name,
      })
      t.vAuthors.push({
        _order: n + 1,
        _parent_id: vid,
        author_id: String(w.id),
        name: w.name,
        _uuid: uuid,
      })
    })
    const cats = [...new Set([r.pick(ctx.categories), ...(r.chance(0.2) ? [r.pick(ctx.categories)] : [])])]
    cats.forEach((c, n) => {
      t.rels.push({ order: n + 1, parent_id: id, path: 'categories', categories_id: c.id })
      t.vRels.push({
        order: n + 1,
        parent_id: vid,
        path: 'version.categories',
        categories_id: c.id,
      })
    })
    stubs.push({ id, publishedAt })
  })

  await insertRows(db, 'articles', ARTICLE, t.articles)
  await insertRows(db, 'articles_texts', TEXT, t.texts)
  await insertRows(db, 'articles_rels', REL, t.rels)
  await insertRows(db, 'articles_populated_authors', AUTHOR, t.authors)
  await insertRows(db, '_articles_v', VERSION, t.versions)
  await insertRows(db, '_articles_v_texts', TEXT, t.vTexts)
  await insertRows(db, '_articles_v_rels', REL, t.vRels)
  await insertRows(db, '_articles_v_version_populated_authors', VERSION_AUTHOR, t.vAuthors)
  return stubs
}
