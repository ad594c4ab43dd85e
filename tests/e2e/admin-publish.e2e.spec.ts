import { loginToAdmin, richTextEditor } from './helpers/admin'
import { expect, test } from './helpers/fixtures'
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

  await page.getByRole('button', { name: 'Publish changes' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText(/successfully/i)
  await expect(page.locator('#field-slug')).toHaveValue(slug)

  const reader = await browser.newContext({ baseURL })
  const article = await reader.newPage()
  const response = await article.goto(`/articles/${slug}`)
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
