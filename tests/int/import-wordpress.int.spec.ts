import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Comment, Page } from '@/payload-types'
import { findAuthorBySlug } from '@/lib/archives'
import { submitComment, type Submission } from '@/lib/comments/submit'
import { findRedirect } from '@/lib/redirects'
import { launcherAddressHeaders } from '@/lib/security/clientAddress'
import { onTagsExpired } from '@/lib/revalidate'
import { poolOf } from '@/lib/sql'
import { importDisqus } from '@/scripts/import/disqus/import'
import { importWordPress } from '@/scripts/import/wordpress/import'
import { XmlSyntaxError } from '@/scripts/import/lib/xmlStream'
import { clearThrottle, comment, sender, setDiscussion } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'
import { startSmtpCatcher } from '../helpers/smtp'
import { createStaff } from '../helpers/staff'
import { FIXTURES, writeDisqusExport, writeGeneratedExport } from '../helpers/wordpressExport'

let payload: Payload
let stop: () => Promise<void>
let generated: Awaited<ReturnType<typeof writeGeneratedExport>>
const sql = <R>(text: string, params: unknown[] = []) =>
  poolOf(payload)
    .query<R>(text, params)
    .then((r) => r.rows)

/** The imported content of every table the importer writes, without ids or timestamps of the run. */
async function dump() {
  return {
    articles: await sql(
      `select import_id, title, slug, _status, published_at, excerpt, comments_open, hero_image_id is not null as hero, content::text from articles where import_id is not null order by import_id`,
    ),
    versions: await sql(`select count(*)::int n from _articles_v`),
    pages: await sql(
      `select import_id, title, slug, path, _status, (select import_id from pages p where p.id = pages.parent_id) parent from pages order by import_id`,
    ),
    categories: await sql(
      `select import_id, title, slug, (select import_id from categories c where c.id = categories.parent_id) parent from categories where import_id is not null order by import_id`,
    ),
    users: await sql(`select import_id, email, name from users where import_id is not null order by import_id`),
    media: await sql(`select import_id, alt, mime_type from media order by import_id`),
    comments: await sql(
      `select c.import_id, c.status, c.body, c.author_name, c.author_email, c.created_at, p.import_id parent, a.import_id article from comments c left join comments p on p.id = c.parent_id join articles a on a.id = c.article_id where c.import_id is not null order by c.import_id`,
    ),
    pingbacks: await sql(`select import_id, type, source_url from pingbacks order by import_id`),
    redirects: await sql(`select "from", to_type, to_url, to_tag, status_code from redirects order by "from"`),
  }
}

/** A staff sign-in over REST (from its own address: the sign-in back-off counts per address). */
async function signIn(email: string, password: string, ip: string) {
  const response = await REST_POST(config)(
    new Request('http://localhost/api/users/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...launcherAddressHeaders(ip) },
      body: JSON.stringify({ email, password }),
    }),
    { params: Promise.resolve({ slug: ['users', 'login'] }) },
  )
  return { status: response.status, token: ((await response.json()) as { token?: string }).token }
}

const textOf = (node: unknown): string => {
  if (!node || typeof node !== 'object') return ''
  const n = node as { text?: string; children?: unknown[]; root?: unknown }
  if (n.root) return textOf(n.root)
  return (
    (n.text ?? '') +
    (n.children ?? []).map(textOf).join(n.children && (n as { type?: string }).type === 'root' ? '\n' : '')
  )
}

type Node = { type: string; text?: string; value?: unknown; fields?: { url?: string }; children?: Node[] }
type Shape = string | { upload: unknown } | { link: string; text: string } | '<br>'
/** A top-level Lexical block as [type, what it holds]: text, line breaks, links and uploads. */
const shape = (block: unknown): [string, Shape[]] => {
  const n = block as Node
  const inline = (c: Node): Shape =>
    c.type === 'text'
      ? c.text!
      : c.type === 'linebreak'
        ? '<br>'
        : c.type === 'upload'
          ? { upload: typeof c.value === 'object' ? (c.value as { id: number }).id : c.value }
          : c.type === 'link'
            ? { link: c.fields!.url!, text: (c.children ?? []).map((t) => t.text).join('') }
            : `<${c.type}>`
  return [n.type, (n.children ?? []).map(inline)]
}
const heroId = (a: Article) => (typeof a.heroImage === 'object' ? a.heroImage?.id : a.heroImage)

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await createStaff(payload)
  generated = await writeGeneratedExport()
})
afterAll(async () => {
  await stop?.()
  if (generated) fs.rmSync(generated.dir, { recursive: true, force: true })
})

describe('WordPress import: a generated export with everything real exports carry', () => {
  let first: Awaited<ReturnType<typeof importWordPress>>
  let afterFirst: Awaited<ReturnType<typeof dump>>
  const article = async (wpId: number) =>
    (
      await payload.find({
        collection: 'articles',
        where: { importId: { equals: `wp:post:${wpId}` } },
        draft: true,
        overrideAccess: true,
        depth: 1,
      })
    ).docs[0] as Article
  const comments = async (articleId: number) =>
    (
      await payload.find({
        collection: 'comments',
        where: { article: { equals: articleId } },
        overrideAccess: true,
        pagination: false,
        depth: 0,
        sort: 'createdAt',
      })
    ).docs as Comment[]

  beforeAll(async () => {
    first = await importWordPress(payload, { file: generated.file, mediaDir: generated.mediaDir, download: false })
    afterFirst = await dump()
  })

  it('reports counts per kind and everything skipped with its reason', async () => {
    const { counts, warnings } = first.report
    expect(counts.articles).toEqual({ created: 11, existing: 0, skipped: 1 })
    expect(counts.pages).toEqual({ created: 4, existing: 0, skipped: 0 })
    expect(counts.media).toEqual({ created: 1, existing: 0, skipped: 1 })
    expect(counts.pingbacks).toEqual({ created: 2, existing: 0, skipped: 0 })
    // Ten in the thread, six more on the post (pingbacks apart), one on the closed post.
    expect(counts.comments.created).toBe(10 + 6 + 1)
    expect(counts.categories.created).toBe(3)
    const all = warnings.join('\n')
    expect(all).toContain('"A trashed post": in the trash')
    expect(all).toContain('"A private post": private, imported as a draft')
    expect(all).toContain('"A protected post": password-protected, imported as a draft')
    expect(all).toContain('missing.jpg')
    expect(all).toContain('dynamic block wp:latest-posts')
    expect(all).toContain('post type "nav_menu_item"')
    expect(all).toContain('creator "ghost"')
    expect(all).toContain('slug taken, now threads-and-things-2')
    expect(all).toContain('comment 2008: its parent 2004 was not imported; attached to the article')
    expect(all).toContain('articles 18 "Shortcodes": [gallery] image(s) 101 not imported, left out')
    const run = await payload.find({ collection: 'imports', overrideAccess: true, sort: '-startedAt', limit: 1 })
    expect(run.docs[0]).toMatchObject({ source: 'wordpress', fileName: 'generated.xml', state: 'finished' })
    expect(run.docs[0].fileHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('maps the post: plain-text title, excerpt from <!--more-->, hero image, nested category, tags, author, links and images rewritten', async () => {
    const post = await article(10)
    expect(post.title).toBe('Threads & things')
    expect(post.slug).toBe('threads-and-things')
    expect(post._status).toBe('published')
    expect(post.publishedAt).toBe('2020-01-15T10:00:00.000Z')
    expect(post.excerpt).toContain('Intro paragraph with a link to the other post.')
    expect(post.excerpt).not.toContain('Second part')
    expect(typeof post.heroImage === 'object' && post.heroImage?.alt).toBe('A red photo')
    expect((post.categories ?? []).map((c) => typeof c === 'object' && c.slug)).toEqual(['europe'])
    expect(post.tags).toEqual(['Featured', 'Undeclared Tag'])
    expect(post.populatedAuthors?.map((a) => a.name)).toEqual(['Alice Author'])
    const json = JSON.stringify(post.content)
    expect(json).toContain('"url":"/articles/privet"')
    // [caption]: the image; a caption the attachment itself carries is shown from the media (once,
    // under the image), another one follows as a paragraph of its own; no shortcode text left.
    const blocks = post.content!.root.children.map(shape)
    const image = JSON.stringify(['paragraph', [{ upload: heroId(post) }]])
    const figures = blocks.flatMap((b, i) => (JSON.stringify(b) === image ? [i] : []))
    expect(figures).toHaveLength(2)
    expect(figures[0]).toBeGreaterThan(0)
    expect(typeof post.heroImage === 'object' && post.heroImage?.caption).toBe('The caption text')
    expect(JSON.stringify(blocks)).not.toContain('The caption text')
    expect(blocks[figures[1] + 1]).toEqual(['paragraph', ['A red photo, seen again']])
    expect(json).not.toMatch(/\[\/?caption|attachment_100|alignnone/)
    expect(json).toContain('"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ"')
    expect(json).not.toContain('old.example/wp-content')
    // The paragraph after <!--more--> starts with its text, not with wpautop's line break.
    expect(blocks.at(-1)).toEqual(['paragraph', ['Second part after the fold.']])
    const europe = (await payload.find({ collection: 'categories', where: { slug: { equals: 'europe' } }, depth: 2 }))
      .docs[0]
    const world = europe.parent as { slug: string; parent: { slug: string } }
    expect([world.slug, world.parent.slug]).toEqual(['world', 'news'])
  })

  it('strips Gutenberg block comments, keeps their HTML; a Cyrillic slug is spelled in Latin letters (привет → privet), with a redirect from the old address', async () => {
    const post = await article(11)
    expect(post.title).toBe('Привет')
    expect(post.slug).toBe('privet')
    const text = textOf(post.content)
    expect(text).toContain('Block paragraph one.')
    expect(text).toContain('Block heading')
    expect(JSON.stringify(post.content)).not.toContain('wp:')
    expect(await findRedirect('/2020/01/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/', '')).toEqual({
      location: '/articles/privet',
      status: 301,
    })
    expect(await findRedirect('/2020/01/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82', '')).toEqual({
      location: '/articles/privet',
      status: 301,
    })
  })

  it('threads comments by their WordPress parents, ten deep, though each reply is listed before its parent', async () => {
    const post = await article(10)
    const list = await comments(post.id)
    const byImport = new Map(list.map((c) => [c.importId, c]))
    for (let i = 1; i < 10; i++) {
      const reply = byImport.get(`wp:comment:${1000 + i}`)!
      expect(reply.parent).toBe(byImport.get(`wp:comment:${1000 + i - 1}`)!.id)
    }
    expect(byImport.get('wp:comment:1000')!.parent ?? null).toBeNull()
    const deepest = byImport.get('wp:comment:1009')!
    expect(deepest).toMatchObject({
      status: 'approved',
      authorName: 'Level 10',
      authorEmail: 'level10@readers.example',
      body: 'Reply at depth 10.\nSecond line & more.',
      ip: '203.0.113.0',
    })
    expect(deepest.createdAt).toBe('2020-01-16T10:09:00.000Z')
    expect(byImport.get('wp:comment:2001')!.status).toBe('pending')
    expect(byImport.get('wp:comment:2002')!.status).toBe('spam')
    expect(byImport.get('wp:comment:2003')!.status).toBe('trash')
    const staffReply = byImport.get('wp:comment:2006')!
    expect(staffReply.body).toBe('Staff reply bold.')
    expect(staffReply.staffAuthor).toBeTruthy()
    expect(byImport.get('wp:comment:2008')!.parent ?? null).toBeNull()
    // Pingbacks and trackbacks are stored apart, never as comments.
    expect([...byImport.keys()]).not.toContain('wp:comment:2004')
    const pingbacks = await payload.find({ collection: 'pingbacks', overrideAccess: true, sort: 'importId' })
    expect(pingbacks.docs.map((p) => p.type)).toEqual(['pingback', 'trackback'])
    // Readers see only the approved ones.
    const publicList = await payload.find({
      collection: 'comments',
      where: { article: { equals: post.id } },
      overrideAccess: false,
      pagination: false,
    })
    expect(publicList.docs.length).toBe(13)
    expect(publicList.docs.map((c) => c.body).join('\n')).not.toMatch(/heron-31|viagra-88|gecko-64|ibis-22/)
  })

  it('counts imported approved comments towards "previously approved" trust for their email', async () => {
    const approved = await payload.count({
      collection: 'comments',
      where: { authorEmail: { equals: 'level3@readers.example' }, status: { equals: 'approved' } },
      overrideAccess: true,
    })
    expect(approved.totalDocs).toBe(1)
  })

  it('a classic post: wpautop paragraphs and line breaks, [gallery] as its imported images, [embed] as a link', async () => {
    const post = await article(18)
    expect(post.content!.root.children.map(shape)).toEqual([
      ['paragraph', ['First paragraph, line one.', '<br>', 'Line two of the first paragraph.']],
      ['paragraph', ['Second paragraph.']],
      // ids="100,101": 101 was never imported (reported above).
      ['paragraph', [{ upload: heroId(await article(10)) }]],
      ['paragraph', [{ link: 'https://vimeo.com/76979871', text: 'https://vimeo.com/76979871' }]],
      ['paragraph', ['Last paragraph.']],
    ])
    expect(JSON.stringify(post.content)).not.toMatch(/\[\/?(gallery|embed)/)
  })

  it('future → published at post_date_gmt and hidden until then, pending → draft; an empty title and slug are derived', async () => {
    const scheduled = await article(19)
    expect(scheduled).toMatchObject({ _status: 'published', publishedAt: '2099-06-01T06:00:00.000Z' })
    const pending = await article(24)
    expect(pending._status).toBe('draft')
    const untitled = await article(25)
    expect(untitled).toMatchObject({ title: 'Untitled post 25', slug: 'untitled-post-25', _status: 'published' })
    // As an anonymous reader: the untitled post is public, the scheduled and pending ones are not.
    const asReader = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      depth: 0,
      where: { id: { in: [scheduled.id, pending.id, untitled.id] } },
    })
    expect(asReader.docs.map((a) => a.id)).toEqual([untitled.id])
    expect((await rest('GET', `articles/${untitled.id}`)).status).toBe(200)
    expect((await rest('GET', `articles/${scheduled.id}`)).status).toBe(404)
    expect((await rest('GET', `articles/${pending.id}`)).status).toBe(404)
    // It appears at its time without anyone saving it again: a job expires the pages then.
    const job = await payload.find({
      collection: 'payload-jobs',
      overrideAccess: true,
      where: { taskSlug: { equals: 'revalidateArticle' }, completedAt: { exists: false } },
      pagination: false,
    })
    expect(
      job.docs
        .filter((j) => (j.input as { articleId?: number }).articleId === scheduled.id)
        .map((j) => new Date(j.waitUntil!).toISOString()),
    ).toEqual(['2099-06-01T06:00:00.000Z'])
  })

  it('imported authors have no password anyone could guess, and set theirs through "Forgot password"', async () => {
    const alice = (
      await payload.find({ collection: 'users', where: { importId: { equals: 'wp:author:alice' } }, depth: 0 })
    ).docs[0]
    expect(alice.email).toBe('alice@old.example')
    const guesses = ['', 'alice', 'password', 'Alice Author', 'alice@old.example', '123456']
    for (const [i, password] of guesses.entries()) {
      const attempt = await signIn(alice.email, password, `192.0.2.${100 + i}`)
      expect({ password, status: attempt.status, token: attempt.token }).toEqual({
        password,
        status: password ? 401 : 400,
        token: undefined,
      })
    }
    const smtp = await startSmtpCatcher()
    Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_IGNORE_TLS: 'true' })
    try {
      const forgot = await rest('POST', 'users/forgot-password', { body: { email: alice.email } })
      expect(forgot.status).toBe(200)
      const [{ token: stored }] = await sql<{ token: string | null }>(
        `select reset_password_token token from users where id = $1`,
        [alice.id],
      )
      expect(stored).toMatch(/^[0-9a-f]{20,}$/)
      const mail = await smtp.waitFor((m) => m.to.includes(alice.email))
      const token = /\/reset\/([0-9a-f]+)/.exec(mail.text)?.[1]
      expect(token).toBe(stored)
      const reset = await rest('POST', 'users/reset-password', { body: { token, password: 'a new passphrase 42' } })
      expect(reset.status).toBe(200)
      const signedIn = await signIn(alice.email, 'a new passphrase 42', '192.0.2.120')
      expect(signedIn.status).toBe(200)
      expect(signedIn.token).toEqual(expect.any(String))
    } finally {
      delete process.env.SMTP_HOST
      delete process.env.SMTP_PORT
      delete process.env.SMTP_IGNORE_TLS
      await smtp.stop()
    }
  })

  it('a reader with the name and email of an imported approved comment is trusted at once; the email alone is not enough', async () => {
    await setDiscussion(payload, {
      manualApproval: true,
      trustApprovedAuthors: true,
      trustAfterApproved: 1,
      commentsEnabled: true,
      closeAfterDays: 0,
      requireNameEmail: true,
      holdLinkCount: 2,
      moderationWords: '',
      disallowedWords: '',
    })
    const post = await article(10)
    const statusOf = async (over: Partial<Submission>) => {
      // One comment per email a while is the flood rule's business, not this test's.
      await clearThrottle(payload)
      const result = await submitComment(payload, comment(post.id, over), sender())
      expect(result.ok || result.message).toBe(true)
      const [row] = await sql<{ status: string }>(`select status from comments where body = $1`, [over.body])
      return row.status
    }
    // Imported: "Level 3" <level3@readers.example>, approved (comment 1002).
    expect(
      await statusOf({ authorName: 'Level 3', authorEmail: 'level3@readers.example', body: 'Back again, same me.' }),
    ).toBe('approved')
    expect(
      await statusOf({ authorName: 'Not Level 3', authorEmail: 'level3@readers.example', body: 'Borrowed email.' }),
    ).toBe('pending')
    // And a stranger is held, so the approval above is the trust, not the settings.
    expect(
      await statusOf({ authorName: 'Level 3', authorEmail: 'stranger@readers.example', body: 'Borrowed name.' }),
    ).toBe('pending')
  })

  it('closes comments where WordPress had them closed, keeping the old ones', async () => {
    const closed = await article(17)
    expect(closed.commentsOpen).toBe(false)
    expect((await comments(closed.id)).map((c) => c.status)).toEqual(['approved'])
    expect(closed.populatedAuthors?.map((a) => a.name)).toEqual(['Test admin'])
  })

  it('keeps drafts, private and password-protected posts unpublished, and never imports the trash', async () => {
    for (const id of [12, 13, 15]) expect((await article(id))._status).toBe('draft')
    expect(await article(14)).toBeUndefined()
    const imported = await payload.find({
      collection: 'articles',
      where: { importId: { like: 'wp:post:' } },
      draft: true,
      overrideAccess: true,
      pagination: false,
      depth: 0,
    })
    expect(imported.docs.length).toBe(11)
    const wpIdOf = new Map(imported.docs.map((a) => [a.id, a.importId]))
    const visible = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      pagination: false,
      depth: 0,
      where: { id: { in: [...wpIdOf.keys()] } },
    })
    expect(visible.docs.map((a) => wpIdOf.get(a.id)).sort()).toEqual([
      'wp:post:10',
      'wp:post:11',
      'wp:post:16',
      'wp:post:17',
      'wp:post:18',
      'wp:post:25',
    ])
    expect(await findRedirect('/', '?p=13')).toBeUndefined()
  })

  it('nests pages listed child first, at their full path', async () => {
    const deepest = (
      await payload.find({
        collection: 'pages',
        where: { path: { equals: '/level-1/level-2/level-3/' } },
        overrideAccess: false,
      })
    ).docs[0] as Page
    expect(deepest.title).toBe('Level three')
    expect(await findRedirect('/about-us/', '')).toEqual({ location: '/about/', status: 301 })
    expect(await findRedirect('/level-1/level-2/level-3/', '')).toBeUndefined()
  })

  it('redirects every old address: permalinks, ?p=, ?page_id=, attachment pages, categories, tags, authors, a renamed slug', async () => {
    const cases: [string, string, string][] = [
      ['/2020/01/threads-and-things/', '', '/articles/threads-and-things'],
      ['//2020//01/threads-and-things', '', '/articles/threads-and-things'],
      ['/2020/02/threads-and-things/', '', '/articles/threads-and-things-2'],
      ['/', '?p=10', '/articles/threads-and-things'],
      ['/', '?page_id=21', '/level-1/level-2/'],
      ['/', '?attachment_id=100', '/articles/threads-and-things'],
      ['/2020/01/threads-and-things/photo/', '', '/articles/threads-and-things'],
      ['/category/news/world/europe/', '', '/categories/europe'],
      ['/', '?cat=6', '/categories/world'],
      ['/tag/featured/', '', '/tags/featured'],
      ['/author/alice/', '', '/authors/alice-author'],
      ['/author/bob/', '', '/authors/bob-and-co'],
      // Carol signs only a draft: her author page would be a 404.
      ['/author/carol/', '', '/'],
    ]
    for (const [pathname, search, location] of cases)
      expect({ pathname, search, hit: await findRedirect(pathname, search) }).toEqual({
        pathname,
        search,
        hit: { location, status: 301 },
      })
    // The author page answers for Alice and would be a 404 for Carol.
    expect(await findAuthorBySlug(payload, 'alice-author')).toMatchObject({ name: 'Alice Author' })
    expect(await findAuthorBySlug(payload, 'carol-drafts')).toBeNull()
  })

  it('a second run adds and changes nothing', async () => {
    const second = await importWordPress(payload, {
      file: generated.file,
      mediaDir: generated.mediaDir,
      download: false,
    })
    expect(second.report.counts.articles).toEqual({ created: 0, existing: 11, skipped: 1 })
    expect(second.report.counts.comments.created).toBe(0)
    expect(second.report.counts.comments.existing).toBeGreaterThanOrEqual(17)
    expect(second.report.counts.redirects.created).toBe(0)
    expect(await dump()).toEqual(afterFirst)
  })

  it('leaves the running site a job that expires its pages, lists, sitemap and redirects', async () => {
    const pending = { taskSlug: { equals: 'expireSiteCache' }, completedAt: { exists: false } } as const
    const queued = await payload.count({ collection: 'payload-jobs', where: pending, overrideAccess: true })
    expect(queued.totalDocs).toBeGreaterThanOrEqual(2) // one per run above
    const expired: string[] = []
    const stop = onTagsExpired((tags) => expired.push(...tags))
    try {
      await payload.jobs.run({ queue: 'default', where: pending })
    } finally {
      stop()
    }
    expect(expired).toEqual(
      expect.arrayContaining(['site', 'articles', 'categories', 'authors', 'pages', 'redirects', 'comment-feed']),
    )
    expect((await payload.count({ collection: 'payload-jobs', where: pending, overrideAccess: true })).totalDocs).toBe(
      0,
    )
  })

  it('a dry run writes nothing', async () => {
    const before = await dump()
    const runs = (await payload.count({ collection: 'imports', overrideAccess: true })).totalDocs
    const { report } = await importWordPress(payload, {
      file: path.join(FIXTURES, 'crazy-cdata-escaped.xml'),
      dryRun: true,
      download: false,
    })
    expect(report.counts.articles).toEqual({ created: 1, existing: 0, skipped: 0 })
    expect(await dump()).toEqual(before)
    expect((await payload.count({ collection: 'imports', overrideAccess: true })).totalDocs).toBe(runs)
    expect(
      (
        await payload.count({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'expireSiteCache' }, completedAt: { exists: false } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)
  })
})

describe('Disqus import, after the WordPress one', () => {
  it('matches threads by old permalink and by WordPress id, threads replies, spam and deleted apart, reports the lost thread; twice is once', async () => {
    const file = writeDisqusExport(generated.dir)
    const { report } = await importDisqus(payload, { file })
    expect(report.counts.comments).toEqual({ created: 5, existing: 0, skipped: 1 })
    expect(report.counts.threads).toEqual({ created: 2, existing: 0, skipped: 1 })
    expect(report.warnings.join('\n')).toContain(
      'thread t3 "Thread t3" (https://old.example/nothing-here/): no matching article, 1 comment(s) skipped',
    )
    const rows = await sql<{ import_id: string; status: string; parent: string | null; article: string; body: string }>(
      `select c.import_id, c.status, p.import_id parent, a.import_id article, c.body from comments c left join comments p on p.id = c.parent_id join articles a on a.id = c.article_id where c.import_id like 'disqus:%' order by c.import_id`,
    )
    expect(rows.map((r) => [r.import_id, r.status, r.parent, r.article])).toEqual([
      ['disqus:d2', 'approved', 'disqus:d3', 'wp:post:10'],
      ['disqus:d3', 'approved', null, 'wp:post:10'],
      ['disqus:d4', 'spam', null, 'wp:post:10'],
      ['disqus:d5', 'trash', null, 'wp:post:10'],
      ['disqus:d6', 'approved', null, 'wp:post:11'],
    ])
    expect(rows[1].body).toBe('Disqus top comment.')
    const again = await importDisqus(payload, { file })
    expect(again.report.counts.comments).toEqual({ created: 0, existing: 5, skipped: 1 })
    expect(
      (await sql<{ n: number }>(`select count(*)::int n from comments where import_id like 'disqus:%'`))[0].n,
    ).toBe(5)
  })
})

describe('WordPress import: a malformed file', () => {
  const cases: [string, (xml: string) => string, RegExp][] = [
    [
      'an unclosed element',
      (xml) => xml.replace('<wp:post_type>page</wp:post_type>', '<wp:post_type>page'),
      /unexpected close tag|unclosed/i,
    ],
    [
      'a bad entity',
      (xml) => xml.replace('<title>Level one</title>', '<title>Level &bogus; one</title>'),
      /undefined entity|entity/i,
    ],
    ['a truncated file', (xml) => xml.slice(0, Math.floor(xml.length * 0.7)), /unclosed|unexpected end/i],
  ]
  for (const [name, corrupt, reason] of cases) {
    it(`${name}: fails before writing anything, naming the line and column`, async () => {
      const file = path.join(generated.dir, `bad-${name.replace(/\W+/g, '-')}.xml`)
      fs.writeFileSync(
        file,
        corrupt(fs.readFileSync(generated.file, 'utf8')).replace(/wp:post_id>1\d</g, (m) => m.replace('>1', '>9')),
      )
      const before = await dump()
      const runs = (await payload.count({ collection: 'imports', overrideAccess: true })).totalDocs
      const error = await importWordPress(payload, { file, download: false }).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(XmlSyntaxError)
      const e = error as XmlSyntaxError
      expect(e.line).toBeGreaterThan(1)
      expect(e.column).toBeGreaterThan(0)
      expect(e.message).toMatch(new RegExp(`^bad-.*\\.xml:${e.line}:${e.column}: `))
      expect(e.message).toMatch(reason)
      expect(await dump()).toEqual(before)
      expect((await payload.count({ collection: 'imports', overrideAccess: true })).totalDocs).toBe(runs)
    })
  }
})
