import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'
import { findRedirect } from '@/lib/redirects'
import { importWordPress } from '@/scripts/import/wordpress/import'
import { convertContent } from '@/scripts/import/wordpress/content'
import { readWxr } from '@/scripts/import/wordpress/wxr'
import { startPayload } from '../helpers/payload'
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
