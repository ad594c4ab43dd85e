import { request as apiRequest, type APIRequestContext } from '@playwright/test'

import { lexical } from '../../lib/lexical'
import { baseURL, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { loginToAdmin } from './helpers/admin'
import { screenshot, uploadImage } from './helpers/front'
import { EDITOR } from './helpers/staff'

/** A Page's SEO fields in its head, its cached HTML after an edit, its draft preview (#10: Pages like articles). */
const run = Date.now().toString(36)
const metaContent = (html: string, key: string) =>
  html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1]

let anonymous: APIRequestContext
test.beforeAll(async () => {
  anonymous = await apiRequest.newContext({ baseURL: baseURL() })
})
test.afterAll(() => anonymous?.dispose())

test('a page carries its SEO title, description and image in its head, and shows an edit without a restart', async ({
  editorApi,
}) => {
  const image = await uploadImage(editorApi, { name: `page-seo-${run}.png`, alt: 'The reading room', hue: 30 })
  const slug = uniqueSlug('page-seo')
  const created = await editorApi.post('/api/pages', {
    data: {
      title: 'Visiting hours',
      slug,
      _status: 'published',
      content: lexical([{ p: 'Open every day but Sunday.' }]),
      meta: { title: 'Visit the reading room', description: 'When the reading room is open.', image: image.id },
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc: page } = await created.json()
  expect(page.path).toBe(`/${slug}/`)

  const html = async () => {
    const response = await anonymous.get(page.path)
    expect(response.status()).toBe(200)
    return response.text()
  }
  let head = ''
  await expect
    .poll(async () => {
      head = await html()
      return metaContent(head, 'description')
    })
    .toBe('When the reading room is open.')
  expect(head).toContain('<title>Visit the reading room · Byline</title>')
  expect(head).toMatch(new RegExp(`<link rel="canonical" href="${baseURL()}/${slug}/"`))
  expect(metaContent(head, 'og:title')).toBe('Visit the reading room')
  expect(metaContent(head, 'og:description')).toBe('When the reading room is open.')
  const og = metaContent(head, 'og:image')
  expect(og).toMatch(new RegExp(`^${baseURL()}/api/media/file/page-seo-${run}-[0-9a-f]{10}-1200x630\\.jpe?g$`))
  expect(metaContent(head, 'twitter:image')).toBe(og)
  expect(metaContent(head, 'twitter:card')).toBe('summary_large_image')
  expect((await anonymous.get(og!)).status()).toBe(200)
  expect(head).toContain('<h1>Visiting hours</h1>')

  // Served again from the cache, then edited: the page shows the new title.
  expect(await html()).toContain('<h1>Visiting hours</h1>')
  const edited = await editorApi.patch(`/api/pages/${page.id}`, {
    data: { title: 'Opening hours', meta: { title: 'Opening hours of the reading room' } },
  })
  expect(edited.status(), await edited.text()).toBe(200)
  await expect.poll(html).toContain('<h1>Opening hours</h1>')
  const after = await html()
  expect(after).toContain('<title>Opening hours of the reading room · Byline</title>')
  expect(after).not.toContain('Visiting hours')
})

test('an editor previews the unpublished draft of a published page at its address; readers still get the published page', async ({
  page,
  editorApi,
}) => {
  const slug = uniqueSlug('page-preview')
  const created = await editorApi.post('/api/pages', {
    data: { title: 'Published wording', slug, _status: 'published', content: lexical([{ p: 'Live text.' }]) },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc } = await created.json()
  const draft = await editorApi.patch(`/api/pages/${doc.id}?draft=true`, {
    data: { title: 'Draft wording', content: lexical([{ p: 'Unpublished text.' }]) },
  })
  expect(draft.status(), await draft.text()).toBe(200)
  const previewPath = `/preview?path=${encodeURIComponent(doc.path)}`

  // Readers: the published page; /preview refuses them, and refuses addresses off the site.
  await expect
    .poll(async () => {
      const response = await anonymous.get(doc.path)
      return `${response.status()} ${await response.text()}`
    })
    .toContain('<h1>Published wording</h1>')
  expect(await (await anonymous.get(doc.path)).text()).not.toContain('Unpublished text.')
  expect((await anonymous.get(previewPath, { maxRedirects: 0 })).status()).toBe(403)
  expect((await anonymous.get(`/preview?path=${encodeURIComponent('//evil.example/')}`)).status()).toBe(400)

  await loginToAdmin(page, EDITOR)
  await page.goto(previewPath)
  await expect(page).toHaveURL(new RegExp(`${doc.path}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft wording')
  await expect(page.getByText('Unpublished text.')).toBeVisible()
  // Leaving preview shows the published page again.
  await page.goto('/exit-preview')
  await page.goto(doc.path)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Published wording')
  for (const width of [390, 1366]) await screenshot(page, 'standing-page', width)
})
