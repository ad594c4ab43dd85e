import { formatInZone } from '../../lib/dashboard/format'
import { lexical } from '../../lib/lexical'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { loginToAdmin } from './helpers/admin'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { ADMIN, EDITOR } from './helpers/staff'

const zone = process.env.SITE_TIMEZONE || 'UTC'

test('an editor’s dashboard: their drafts, scheduled articles and comments, with links; screenshots', async ({
  page,
  editorApi,
}) => {
  const id = Date.now().toString(36)
  const draft = await createArticle(editorApi, {
    title: `Dash draft ${id}`,
    slug: uniqueSlug('dash-draft'),
    status: 'draft',
  })
  const live = await createArticle(editorApi, {
    title: `Dash live ${id}`,
    slug: uniqueSlug('dash-live'),
    status: 'published',
  })
  const goesLiveAt = new Date(Date.now() + 20 * 60_000).toISOString()
  const future = await editorApi.post('/api/articles', {
    data: {
      title: `Dash future ${id}`,
      slug: uniqueSlug('dash-future'),
      _status: 'published',
      publishedAt: goesLiveAt,
      content: lexical([{ p: 'Later.' }]),
    },
  })
  expect(future.status(), await future.text()).toBe(201)
  const futureId: number = (await future.json()).doc.id

  // Someone else's draft and a comment on the editor's article, made by the admin.
  const admin = await staffRequest(ADMIN)
  const theirs = await createArticle(admin, {
    title: `Admin draft ${id}`,
    slug: uniqueSlug('dash-admin'),
    status: 'draft',
  })
  const comment = await admin.post('/api/comments', {
    data: { article: live.id, body: `Nice piece ${id}`, authorName: 'Dash Reader', status: 'approved' },
  })
  expect(comment.status(), await comment.text()).toBe(201)
  const commentId: number = (await comment.json()).doc.id
  await admin.dispose()

  await loginToAdmin(page, EDITOR)
  const drafts = page.locator('[data-panel="drafts"]')
  const scheduled = page.locator('[data-panel="scheduled"]')
  const comments = page.locator('[data-panel="comments"]')
  await expect(drafts.getByRole('heading', { name: 'My drafts' })).toBeVisible()

  const draftLink = drafts.getByRole('link', { name: draft.title })
  await expect(draftLink).toHaveAttribute('href', `/admin/collections/articles/${draft.id}`)
  await expect(drafts.getByRole('listitem').first()).toBeVisible()
  await expect(drafts.getByText(theirs.title)).toHaveCount(0)
  await expect(drafts.getByText(live.title)).toHaveCount(0)

  const futureItem = scheduled.getByRole('listitem').filter({ hasText: `Dash future ${id}` })
  await expect(futureItem).toContainText(`Goes live ${formatInZone(goesLiveAt, zone)}`)
  await expect(futureItem.getByRole('link', { name: `Dash future ${id}` })).toHaveAttribute(
    'href',
    `/admin/collections/articles/${futureId}`,
  )

  const commentItem = comments.getByRole('listitem').filter({ hasText: `Nice piece ${id}` })
  await expect(commentItem.getByRole('link', { name: `Nice piece ${id}` })).toHaveAttribute(
    'href',
    `/admin/collections/comments/${commentId}`,
  )
  await expect(commentItem.getByRole('link', { name: live.title })).toHaveAttribute(
    'href',
    `/admin/collections/articles/${live.id}`,
  )
  await expect(commentItem).toContainText('Dash Reader')

  for (const width of [390, 1366]) await screenshot(page, 'dashboard-editor', width)

  await draftLink.click()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/articles/${draft.id}$`))
  await expect(page.locator('#field-title')).toHaveValue(draft.title)
})
