import type { APIRequestContext } from '@playwright/test'

import { expect, test } from './helpers/fixtures'

// 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
)

function upload(api: APIRequestContext, name: string, mimeType: string, buffer: Buffer, alt?: string) {
  const fields = alt === undefined ? {} : { alt }
  return api.post('/api/media', {
    multipart: { file: { name, mimeType, buffer }, _payload: JSON.stringify(fields) },
  })
}

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

test('an SVG upload is refused', async ({ editorApi }) => {
  const response = await upload(editorApi, `e2e-${stamp()}.svg`, 'image/svg+xml', SVG, 'e2e svg')
  expect(response.status(), await response.text()).toBe(400)
})

test('an image without alt text is refused, naming the alt field', async ({ editorApi }) => {
  const response = await upload(editorApi, `e2e-${stamp()}.png`, 'image/png', PNG)
  expect(response.status()).toBe(400)
  expect(await response.text()).toMatch(/alt/i)
})

test('a PNG with alt text is stored and served sandboxed', async ({ editorApi, request }) => {
  const response = await upload(editorApi, `e2e-${stamp()}.png`, 'image/png', PNG, 'e2e pixel')
  expect(response.status(), await response.text()).toBe(201)
  const { doc } = await response.json()
  expect(doc.url).toBeTruthy()

  const file = await request.get(doc.url)
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toBe('image/png')
  expect(file.headers()['content-security-policy']).toContain('sandbox')
})
