import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { lexical } from '../../../lib/lexical'
import type { Article, Category, Media } from '../../../payload-types'

/** A real 1600 × 900 PNG (a gradient with shapes), different for each `hue`. */
export async function bannerPng(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,40%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360},55%,18%)"/>
    </linearGradient></defs>
    <rect width="1600" height="900" fill="url(#g)"/>
    <circle cx="1200" cy="300" r="220" fill="white" fill-opacity="0.12"/>
    <rect x="160" y="560" width="700" height="160" fill="white" fill-opacity="0.08"/>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

export async function uploadImage(
  api: APIRequestContext,
  {
    name,
    alt,
    caption,
    hue = 200,
    buffer,
  }: { name: string; alt: string; caption?: string; hue?: number; buffer?: Buffer },
): Promise<Media> {
  const response = await api.post('/api/media', {
    multipart: {
      file: { name, mimeType: 'image/png', buffer: buffer ?? (await bannerPng(hue)) },
      _payload: JSON.stringify({ alt, caption }),
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc
}

export async function createCategory(api: APIRequestContext, title: string): Promise<Category> {
  const response = await api.post('/api/categories', { data: { title } })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc
}

export async function myId(api: APIRequestContext): Promise<number> {
  const response = await api.get('/api/users/me')
  expect(response.status()).toBe(200)
  return (await response.json()).user.id
}

type Story = Partial<Pick<Article, 'excerpt' | 'tags' | 'publishedAt'>> & {
  title: string
  slug: string
  heroImage?: number
  categories?: number[]
  authors?: number[]
}

const PARAGRAPHS = [
  'Investigators pieced the story together from court filings, interviews with former staff and documents reviewed by this publication.',
  'The findings raise questions that regulators in several countries have so far declined to answer in public.',
  'People familiar with the matter said the review would take months, and that its conclusions may never be published in full.',
]

export async function publishStory(api: APIRequestContext, story: Story): Promise<Article> {
  const response = await api.post('/api/articles', {
    data: {
      _status: 'published',
      content: lexical([
        { p: PARAGRAPHS[0] },
        { h2: 'What we know' },
        { p: PARAGRAPHS[1] },
        { h2: 'What comes next' },
        { p: PARAGRAPHS[2] },
      ]),
      ...story,
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc
}

export const SCREENSHOT_DIR = path.join(process.cwd(), 'test-results', 'screenshots')

/** A full-page screenshot at `width` px, kept under test-results/screenshots/ (not cleared by Playwright's output handling). */
export async function screenshot(page: Page, name: string, width: number) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 })
  // Lazy images below the fold load before the picture is taken.
  await page.evaluate(async () => {
    for (const img of Array.from(document.images)) img.loading = 'eager'
    await Promise.all(
      Array.from(document.images).map((img) =>
        img.complete
          ? null
          : new Promise(
              (r) => (
                img.addEventListener('load', r, { once: true }),
                img.addEventListener('error', r, { once: true })
              ),
            ),
      ),
    )
  })
  const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** axe-core on the page as it is now: it ran checks, and none failed. */
export async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.passes.length).toBeGreaterThan(0)
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}
