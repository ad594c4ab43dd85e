import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'
import { findRedirect } from '@/lib/redirects'
import { importWordPress } from '@/scripts/import/wordpress/import'
import { convertContent } from '@/scripts/import/wordpress/content'
import { readWxr } from '@/scripts/import/wordpress/wxr'
import { generateWxr } from '@/scripts/import/lib/generateWxr'
import { startPayload } from '../helpers/payload'
import { restResponse } from '../helpers/rest'
import { createStaff } from '../helpers/staff'
import { FIXTURES } from '../helpers/wordpressExport'

let payload: Payload
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await createStaff(payload)
})
afterAll(async () => {
  await stop?.()
})

describe('WordPress import: the real exports', () => {
  it('imports small-export.xml: three authors, posts, pages, terms; the private post as a draft', async () => {
    const { report } = await importWordPress(payload, {
      file: path.join(FIXTURES, 'small-export.xml'),
      download: false,
    })
    expect(report.counts.authors).toEqual({ created: 3, existing: 0, skipped: 0 })
    expect(report.counts.articles.created).toBe(6)
    expect(report.counts.pages.created).toBe(5)
    expect(report.counts.comments.created).toBe(1)
    expect(report.warnings.join('\n')).toContain('"Private Post": private, imported as a draft')

    const users = await payload.find({
      collection: 'users',
      where: { importId: { like: 'wp:author:' } },
      overrideAccess: true,
      sort: 'email',
    })
    expect(users.docs.map((u) => u.email)).toEqual(['author@example.org', 'editor@example.org', 'local@host.null'])

    const privatePost = (
      await payload.find({
        collection: 'articles',
        where: { importId: { equals: 'wp:post:13' } },
        draft: true,
        overrideAccess: true,
      })
    ).docs[0] as Article
    expect(privatePost._status).toBe('draft')
    const imported = await payload.find({
      collection: 'articles',
      where: { importId: { like: 'wp:post:' } },
      draft: true,
      overrideAccess: true,
      depth: 0,
    })
    expect(imported.docs.length).toBe(6)
    const anonymous = await payload.find({
      collection: 'articles',
      where: { id: { in: imported.docs.map((a) => a.id) } },
      overrideAccess: false,
    })
    expect(anonymous.docs.length).toBe(5)
    expect(anonymous.docs.map((a) => a.title)).not.toContain('Private Post')

    // The draft page had no slug: one is made from its title.
    const pages = await payload.find({
      collection: 'pages',
      draft: true,
      overrideAccess: true,
      sort: 'path',
      pagination: false,
    })
    expect(pages.docs.map((p) => [p.title, p.path, p._status])).toEqual([
      ['1-col page', '/1-col-page/', 'published'],
      ['Draft Page', '/draft-page/', 'draft'],
      ['Parent Page', '/parent-page/', 'published'],
      ['Child Page', '/parent-page/child-page/', 'published'],
      ['Sample Page', '/sample-page/', 'published'],
    ])

    const fooBar = (await payload.find({ collection: 'categories', where: { slug: { equals: 'foo-bar' } }, depth: 1 }))
      .docs[0]
    expect(typeof fooBar.parent === 'object' && fooBar.parent?.slug).toBe('bar')
    const manyCategories = (
      await payload.find({ collection: 'articles', where: { slug: { equals: 'many-categories' } }, depth: 0 })
    ).docs[0]
    expect(manyCategories.categories?.length).toBeGreaterThan(20)

    expect(await findRedirect('/', '?p=1')).toEqual({ location: '/articles/hello-world', status: 301 })
    expect(await findRedirect('/', '?page_id=4')).toEqual({ location: '/parent-page/child-page/', status: 301 })
    expect(await findRedirect('/', '?p=13')).toBeUndefined()
  })

  it('keeps CDATA terminators and entities of crazy-cdata-escaped.xml unchanged, into the HTML that becomes the article', async () => {
    const items = []
    for await (const record of readWxr(path.join(FIXTURES, 'crazy-cdata-escaped.xml')))
      if (record.kind === 'item') items.push(record.item)
    expect(items).toHaveLength(1)
    expect(items[0].content).toBe('Content with nested <![CDATA[ tags ]]> :)')
    expect(items[0].meta.get('Closing CDATA')).toBe(']]>')
    expect(items[0].meta.get('Alot of CDATA')).toBe(
      'This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>',
    )
    // What goes on to the HTML → Lexical step still holds it, byte for byte.
    const { html } = convertContent(items[0].content, {
      mediaUrl: () => undefined,
      attachment: () => undefined,
      newPath: () => undefined,
      warn: () => {},
    })
    expect(html).toContain('Content with nested <![CDATA[ tags ]]> :)')
  })
})

describe('WordPress import: attachments downloaded from wp:attachment_url', () => {
  const UPLOAD = '/wp-content/uploads/2021/03/harbour.jpg'
  let server: http.Server
  let site = ''
  let closedPort = 0
  let jpeg: Buffer
  const requested: string[] = []
  let dir = ''

  beforeAll(async () => {
    jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .jpeg()
      .toBuffer()
    // The old site: serves one upload, answers 404 for anything else.
    server = http.createServer((req, res) => {
      requested.push(req.url ?? '')
      if (req.url === UPLOAD) res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(jpeg)
      else res.writeHead(404).end('not here')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    // A host that is gone: a port that was free a moment ago, nobody listening now.
    const gone = http.createServer()
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve))
    closedPort = (gone.address() as AddressInfo).port
    await new Promise((resolve) => gone.close(resolve))
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-wxr-dl-'))
  })
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('downloads each image into the media, with its bytes and size; an unreachable host or a 404 is a warning, not a failure', async () => {
    const file = path.join(dir, 'download.xml')
    fs.writeFileSync(
      file,
      generateWxr({
        site,
        items: [
          {
            id: 9101,
            title: 'Harbour at dawn',
            slug: 'harbour-at-dawn',
            link: `${site}/2021/03/harbour-at-dawn/`,
            content: `<img src="${site}${UPLOAD}" alt="The harbour" /> Boats.`,
            meta: { _thumbnail_id: '9201' },
          },
          { id: 9201, title: 'harbour', type: 'attachment', parent: 9101, attachmentUrl: `${site}${UPLOAD}` },
          {
            id: 9202,
            title: 'gone',
            type: 'attachment',
            parent: 9101,
            attachmentUrl: `http://127.0.0.1:${closedPort}/wp-content/uploads/2021/03/gone.jpg`,
          },
          {
            id: 9203,
            title: 'absent',
            type: 'attachment',
            parent: 9101,
            attachmentUrl: `${site}/wp-content/uploads/2021/03/absent.jpg`,
          },
        ],
      }),
    )
    const { report } = await importWordPress(payload, { file })
    expect(requested).toEqual(expect.arrayContaining([UPLOAD, '/wp-content/uploads/2021/03/absent.jpg']))
    expect(report.counts.media).toEqual({ created: 1, existing: 0, skipped: 2 })
    expect(report.counts.articles).toEqual({ created: 1, existing: 0, skipped: 0 })
    const warnings = report.warnings.join('\n')
    expect(warnings).toMatch(
      /media 9202 \(http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/2021\/03\/gone\.jpg\): download failed: /,
    )
    expect(warnings).toContain(
      'media 9203 (' + site + '/wp-content/uploads/2021/03/absent.jpg): download failed: HTTP 404',
    )
    const run = await payload.find({ collection: 'imports', overrideAccess: true, sort: '-startedAt', limit: 1 })
    expect(run.docs[0]).toMatchObject({ fileName: 'download.xml', state: 'finished' })

    const media = await payload.find({
      collection: 'media',
      where: { importId: { equals: 'wp:post:9201' } },
      overrideAccess: true,
    })
    expect(media.docs).toHaveLength(1)
    const harbour = media.docs[0]
    expect(harbour).toMatchObject({ mimeType: 'image/jpeg', width: 40, height: 30, filesize: jpeg.length })
    const stored = await restResponse('GET', `media/file/${harbour.filename}`)
    expect(stored.status).toBe(200)
    expect(Buffer.from(await stored.arrayBuffer()).equals(jpeg)).toBe(true)

    // The post shows it: as its hero image and in its body, served from Byline.
    const post = (
      await payload.find({
        collection: 'articles',
        where: { slug: { equals: 'harbour-at-dawn' } },
        overrideAccess: false,
        depth: 0,
      })
    ).docs[0] as Article
    expect(post.heroImage).toBe(harbour.id)
    const body = JSON.stringify(post.content)
    expect(body).toContain(`"type":"upload","value":${harbour.id}`)
    expect(body).not.toContain(site)
  })
})
