import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { fileURLToPath } from 'node:url'

import { generateWxr, type GenComment } from '../../scripts/import/lib/generateWxr'

export const SITE = 'https://old.example'
const here = path.dirname(fileURLToPath(import.meta.url))
export const FIXTURES = path.resolve(here, '../../../shared/fixtures/wxr')
export const SECRET = {
  draft: 'Draft-only sentence zebra-47.',
  private: 'Private sentence walrus-93.',
  trash: 'Trashed sentence okapi-12.',
  password: 'Password sentence lemur-58.',
  pending: 'Pending comment text heron-31.',
  spam: 'Spam comment text viagra-88.',
  trashComment: 'Trashed comment text gecko-64.',
  pingback: 'Pingback excerpt from elsewhere ibis-22.',
  future: 'Scheduled sentence puffin-05.',
  pendingPost: 'Pending-review sentence tapir-71.',
}

/**
 * A classic-editor post as WordPress stores it: paragraphs as blank lines and line breaks as
 * newlines (wpautop makes the HTML), a gallery of two attachments (one never imported) and an
 * [embed].
 */
export const CLASSIC_SHORTCODES = `First paragraph, line one.
Line two of the first paragraph.

Second paragraph.

[gallery ids="100,101" columns="2"]

[embed]https://vimeo.com/76979871[/embed]

Last paragraph.`

/** Ten replies deep, listed deepest first: each reply comes before its parent in the file. */
export const THREAD: GenComment[] = Array.from({ length: 10 }, (_, i) => ({
  id: 1000 + i,
  parent: i === 0 ? 0 : 1000 + i - 1,
  author: `Level ${i + 1}`,
  email: `level${i + 1}@readers.example`,
  content: `Reply at depth ${i + 1}.<br />Second line &amp; more.`,
  ip: '203.0.113.9',
  date: `2020-01-16 10:${String(i).padStart(2, '0')}:00`,
})).reverse()

/** A generated export with what the real fixtures lack (see the issue's list), and a media folder. */
export async function writeGeneratedExport(): Promise<{ file: string; mediaDir: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-wxr-'))
  const mediaDir = path.join(dir, 'uploads')
  fs.mkdirSync(path.join(mediaDir, '2020/01'), { recursive: true })
  await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toFile(path.join(mediaDir, '2020/01/photo.png'))
  const xml = generateWxr({
    site: SITE,
    authors: [
      { id: 2, login: 'alice', email: 'alice@old.example', name: 'Alice Author' },
      { id: 3, login: 'bob', email: 'bob@old.example', name: 'Bob &amp; Co' },
      // Only a draft to her name: no author page.
      { id: 4, login: 'carol', email: 'carol@old.example', name: 'Carol Drafts' },
    ],
    // Children declared before their parents.
    categories: [
      { id: 7, slug: 'europe', name: 'Europe', parent: 'world' },
      { id: 6, slug: 'world', name: 'World', parent: 'news' },
      { id: 5, slug: 'news', name: 'News' },
    ],
    tags: [{ id: 9, slug: 'featured', name: 'Featured' }],
    items: [
      {
        id: 10,
        title: 'Threads &amp; <em>things</em>',
        slug: 'threads-and-things',
        link: `${SITE}/2020/01/threads-and-things/`,
        creator: 'alice',
        content: `Intro paragraph with a <a href="${SITE}/2020/01/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/">link to the other post</a>.

[caption id="attachment_100" align="alignnone" width="300"]<img src="${SITE}/wp-content/uploads/2020/01/photo-300x200.png" alt="A red photo" width="300" height="200" /> The caption text[/caption]

[caption id="attachment_100" align="alignnone" width="300"]<img src="${SITE}/wp-content/uploads/2020/01/photo-300x200.png" alt="A red photo" width="300" height="200" /> A red photo, seen again[/caption]

https://www.youtube.com/watch?v=dQw4w9WgXcQ

<!--more-->
Second part after the fold.`,
        categories: [{ slug: 'europe', name: 'Europe' }],
        tags: [
          { slug: 'featured', name: 'Featured' },
          { slug: 'undeclared-tag', name: 'Undeclared Tag' },
        ],
        meta: { _thumbnail_id: '100' },
        comments: [
          ...THREAD,
          { id: 2001, content: SECRET.pending, approved: '0', email: 'p@readers.example' },
          { id: 2002, content: SECRET.spam, approved: 'spam', email: 's@readers.example' },
          { id: 2003, content: SECRET.trashComment, approved: 'trash', email: 't@readers.example' },
          {
            id: 2004,
            content: SECRET.pingback,
            approved: '1',
            type: 'pingback',
            url: 'https://elsewhere.example/post',
          },
          { id: 2005, content: 'A trackback.', approved: '1', type: 'trackback', url: 'https://tb.example/post' },
          {
            id: 2006,
            content: 'Staff reply <b>bold</b>.',
            approved: '1',
            parent: 1000,
            userId: 3,
            author: 'Bob',
            email: 'bob@old.example',
          },
          { id: 2007, content: 'Reply to spam.', approved: '1', parent: 2002, email: 'r@readers.example' },
          { id: 2008, content: 'Reply to a pingback.', approved: '1', parent: 2004, email: 'q@readers.example' },
        ],
      },
      {
        id: 11,
        title: 'Привет',
        slug: '%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82',
        link: `${SITE}/2020/01/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82/`,
        creator: 'bob',
        content: `<!-- wp:paragraph -->
<p>Block paragraph one.</p>
<!-- /wp:paragraph -->

<!-- wp:latest-posts {"postsToShow":3} /-->

<!-- wp:heading -->
<h2>Block heading</h2>
<!-- /wp:heading -->`,
        categories: [{ slug: 'news', name: 'News' }],
      },
      { id: 12, title: 'A draft', status: 'draft', content: SECRET.draft, creator: 'carol' },
      { id: 13, title: 'A private post', status: 'private', content: SECRET.private, slug: 'a-private-post' },
      { id: 14, title: 'A trashed post', status: 'trash', content: SECRET.trash, slug: 'a-trashed-post__trashed' },
      {
        id: 15,
        title: 'A protected post',
        status: 'publish',
        password: 'hunter2',
        content: SECRET.password,
        slug: 'a-protected-post',
      },
      {
        id: 16,
        title: 'Same slug again',
        slug: 'threads-and-things',
        link: `${SITE}/2020/02/threads-and-things/`,
        content: 'The second post with that slug.',
        date: '2020-02-01 09:00:00',
      },
      {
        id: 17,
        title: 'Closed discussion',
        slug: 'closed-discussion',
        commentStatus: 'closed',
        creator: 'ghost',
        content: 'No more comments here.',
        comments: [{ id: 3001, content: 'An old approved comment.', approved: '1' }],
      },
      {
        id: 18,
        title: 'Shortcodes',
        slug: 'shortcodes',
        link: `${SITE}/2020/01/shortcodes/`,
        content: CLASSIC_SHORTCODES,
      },
      {
        // Scheduled: the site's clock was two hours ahead of UTC.
        id: 19,
        title: 'From the future',
        status: 'future',
        slug: 'from-the-future',
        link: `${SITE}/2099/06/from-the-future/`,
        date: '2099-06-01 08:00:00',
        dateGmt: '2099-06-01 06:00:00',
        content: SECRET.future,
      },
      { id: 24, title: 'Awaiting review', status: 'pending', slug: 'awaiting-review', content: SECRET.pendingPost },
      { id: 25, title: '', slug: '', content: 'A post nobody gave a title.' },
      {
        id: 22,
        title: 'Level three',
        type: 'page',
        slug: 'level-3',
        parent: 21,
        link: `${SITE}/level-1/level-2/level-3/`,
        content: 'The deepest page.',
      },
      {
        id: 21,
        title: 'Level two',
        type: 'page',
        slug: 'level-2',
        parent: 20,
        link: `${SITE}/level-1/level-2/`,
        content: 'The middle page.',
      },
      { id: 20, title: 'Level one', type: 'page', slug: 'level-1', link: `${SITE}/level-1/`, content: 'The top page.' },
      { id: 23, title: 'About', type: 'page', slug: 'about', link: `${SITE}/about-us/`, content: 'About this site.' },
      {
        id: 100,
        title: 'photo',
        type: 'attachment',
        parent: 10,
        slug: 'photo',
        link: `${SITE}/2020/01/threads-and-things/photo/`,
        attachmentUrl: `${SITE}/wp-content/uploads/2020/01/photo.png`,
        // WordPress keeps an image's caption on the attachment and copies it into [caption].
        excerpt: 'The caption text',
        meta: { _wp_attachment_image_alt: 'A red photo' },
      },
      {
        id: 101,
        title: 'missing',
        type: 'attachment',
        parent: 10,
        attachmentUrl: `${SITE}/wp-content/uploads/2020/01/missing.jpg`,
      },
      { id: 102, title: 'menu', type: 'nav_menu_item' },
    ],
  })
  const file = path.join(dir, 'generated.xml')
  fs.writeFileSync(file, xml)
  return { file, mediaDir, dir }
}

/** A Disqus export for the same posts: one thread by old permalink, one by WordPress id, one lost. */
export function writeDisqusExport(dir: string): string {
  const thread = (id: string, ident: string, link: string) =>
    `<thread dsq:id="${id}"><id>${ident}</id><forum>old</forum><link>${link}</link><title>Thread ${id}</title><createdAt>2020-01-15T10:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>`
  const post = (
    id: string,
    threadId: string,
    message: string,
    extra: { parent?: string; spam?: boolean; deleted?: boolean; at?: string } = {},
  ) =>
    `<post dsq:id="${id}"><message><![CDATA[${message}]]></message><createdAt>${extra.at ?? '2020-01-20T12:00:00Z'}</createdAt><isDeleted>${Boolean(extra.deleted)}</isDeleted><isSpam>${Boolean(extra.spam)}</isSpam><author><email>d${id}@disqus.example</email><name>Disqus ${id}</name><isAnonymous>false</isAnonymous></author><ipAddress>198.51.100.7</ipAddress><thread dsq:id="${threadId}"/>${extra.parent ? `<parent dsq:id="${extra.parent}"/>` : ''}</post>`
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<category dsq:id="1"><forum>old</forum><title>General</title><isDefault>true</isDefault></category>
${thread('t1', 'some-identifier', `${SITE}/2020/01/threads-and-things`)}
${thread('t2', `11 ${SITE}/?p=11`, `${SITE}/elsewhere/`)}
${thread('t3', 'lost', `${SITE}/nothing-here/`)}
${post('d2', 't1', '<p>Disqus reply, listed first.</p>', { parent: 'd3', at: '2020-01-21T12:00:00Z' })}
${post('d3', 't1', '<p>Disqus top comment.</p>')}
${post('d4', 't1', 'Disqus spam text kestrel-70.', { spam: true })}
${post('d5', 't1', 'Disqus deleted text marmot-19.', { deleted: true })}
${post('d6', 't2', 'On the Russian post.')}
${post('d7', 't3', 'Nobody will see this.')}
</disqus>
`
  const file = path.join(dir, 'disqus.xml')
  fs.writeFileSync(file, xml)
  return file
}
