import { loginToAdmin, richTextEditor } from './helpers/admin'
import { lexical } from '../../lib/lexical'
import { uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { EDITOR } from './helpers/staff'

test('an editor writes and publishes an article in /admin; readers see it', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const id = Date.now().toString(36)
  const title = `E2E Admin Publish ${id}`
  const slug = `e2e-admin-publish-${id}`
  const heading = `What happened ${id}`
  const paragraph = `The first paragraph of the story ${id}.`

  await loginToAdmin(page, EDITOR)
  await page.getByRole('link', { name: 'Show all Articles' }).click()
  // The list itself (the editors' dashboard has headings with "articles" in them too).
  await expect(page).toHaveURL(/\/admin\/collections\/articles(\?|$)/)
  await expect(page.getByRole('heading', { name: 'Articles', exact: true, level: 1 })).toBeVisible()
  await page.getByText('Create New', { exact: true }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/\d+$/)

  const editor = await richTextEditor(page)
  await page.locator('#field-title').fill(title)
  await editor.click()
  // Markdown shortcut: "## " turns the line into an h2.
  await page.keyboard.type(`## ${heading}`)
  await page.keyboard.press('Enter')
  await page.keyboard.type(paragraph)
  await expect(editor.locator('h2')).toHaveText(heading)
  await expect(page.locator('#field-title')).toHaveValue(title)
  // A draft nobody reads yet: no link to the site.
  const view = page.getByRole('link', { name: 'View article' })
  await expect(page.getByRole('button', { name: 'Publish changes' })).toBeVisible()
  await expect(view).toHaveCount(0)

  await page.getByRole('button', { name: 'Publish changes' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText(/successfully/i)
  await expect(page.locator('#field-slug')).toHaveValue(slug)
  // Published: "View article" beside the document controls, at the public address (SERVER_URL).
  await expect(view).toHaveAttribute('href', `${baseURL}/articles/${slug}`)
  await screenshot(page, 'admin-view-article', 1366)

  const reader = await browser.newContext({ baseURL })
  const article = await reader.newPage()
  const response = await article.goto((await view.getAttribute('href')) ?? '')
  expect(response?.status()).toBe(200)
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(article.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  await expect(article.getByText(paragraph)).toBeVisible()
  await reader.close()

  const feed = await request.get('/feed.xml')
  expect(feed.status()).toBe(200)
  const xml = await feed.text()
  expect(xml).toContain(`<title>${title}</title>`)
  expect(xml).toMatch(new RegExp(`<link>https?://[^<]+/articles/${slug}</link>`))
})

test('a published Page shows "View page" at its live address; unpublishing removes it', async ({
  page,
  browser,
  baseURL,
  editorApi,
}) => {
  const slug = uniqueSlug('view-page')
  const title = `A page to view ${slug}`
  const created = await editorApi.post('/api/pages', {
    data: { title, slug, _status: 'published', content: lexical([{ p: 'About us.' }]) },
  })
  expect(created.status(), await created.text()).toBe(201)
  const id = (await created.json()).doc.id as number

  await loginToAdmin(page, EDITOR)
  await page.goto(`/admin/collections/pages/${id}`)
  const view = page.getByRole('link', { name: 'View page' })
  await expect(view).toHaveAttribute('href', `${baseURL}/${slug}/`)
  const reader = await browser.newContext()
  const site = await reader.newPage()
  const response = await site.goto((await view.getAttribute('href')) ?? '')
  expect(response?.status()).toBe(200)
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(title)
  await reader.close()

  // Unpublished: no link, since readers no longer find the page.
  const unpublished = await editorApi.patch(`/api/pages/${id}`, { data: { _status: 'draft' } })
  expect(unpublished.status(), await unpublished.text()).toBe(200)
  await page.reload({ waitUntil: 'networkidle' })
  await expect(page.locator('#field-title')).toHaveValue(title)
  await expect(page.getByRole('button', { name: 'Publish changes' })).toBeVisible()
  await expect(view).toHaveCount(0)
})
