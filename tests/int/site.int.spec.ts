import sharp from 'sharp'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { onTagsExpired } from '@/lib/revalidate'
import { TAGS } from '@/lib/cacheTags'
import { providerInfo } from '@/lib/readers/providers'
import { faviconIco, iconSource } from '@/lib/siteIcon'
import { startPayload } from '../helpers/payload'

let payload: Payload
let stop: () => Promise<void>
beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(() => stop?.())

describe('the Site global', () => {
  it('anyone reads it; anonymous writes are refused; a change expires every page (its tag)', async () => {
    const a = await payload.create({ collection: 'categories', data: { title: 'Alpha' } })
    const b = await payload.create({ collection: 'categories', data: { title: 'Beta' } })
    const expired: string[][] = []
    const off = onTagsExpired((tags) => expired.push(tags))
    await payload.updateGlobal({
      slug: 'site',
      data: { sections: [b.id, a.id], footerLinks: [{ label: 'About', url: '/about' }] },
    })
    off()
    expect(expired.flat()).toContain(TAGS.site)
    const site = await payload.findGlobal({ slug: 'site', overrideAccess: false, depth: 1 })
    expect((site.sections ?? []).map((c) => (typeof c === 'object' ? c.title : c))).toEqual(['Beta', 'Alpha'])
    await expect(payload.updateGlobal({ slug: 'site', data: { sections: [] }, overrideAccess: false })).rejects.toThrow(
      /not allowed/i,
    )
  })
})

describe('media names', () => {
  it('carry a hash of the bytes: a new file gets a new name, the same bytes keep it', async () => {
    const png = (r: number) =>
      sharp({ create: { width: 40, height: 40, channels: 3, background: { r, g: 0, b: 0 } } })
        .png()
        .toBuffer()
    const up = async (data: Buffer) =>
      payload.create({
        collection: 'media',
        data: { alt: 'A square' },
        file: { data, mimetype: 'image/png', name: 'Square.PNG', size: data.length },
      })
    const red = await png(200)
    const first = await up(red)
    const second = await up(await png(20))
    expect(first.filename).toMatch(/^Square-[0-9a-f]{10}\.png$/)
    expect(second.filename).toMatch(/^Square-[0-9a-f]{10}\.png$/)
    expect(second.filename).not.toBe(first.filename)
  })
})

describe('the site icon', () => {
  it('favicon.ico holds 16, 32 and 48 px PNGs, each a readable image', async () => {
    const ico = await faviconIco(iconSource(null, '/nonexistent'))
    expect(ico.readUInt16LE(2)).toBe(1)
    expect(ico.readUInt16LE(4)).toBe(3)
    for (let i = 0; i < 3; i++) {
      const entry = 6 + i * 16
      const size = ico.readUInt32LE(entry + 8)
      const offset = ico.readUInt32LE(entry + 12)
      const meta = await sharp(ico.subarray(offset, offset + size)).metadata()
      expect([meta.format, meta.width]).toEqual(['png', [16, 32, 48][i]])
    }
  })
})

describe('reader sign-in methods', () => {
  it('a production server with no sign-in settings has none (the form then offers no "Log in" link)', () => {
    const saved = { ...process.env }
    try {
      for (const key of ['SMTP_HOST', 'GITHUB_CLIENT_ID', 'GOOGLE_CLIENT_ID', 'OIDC_ISSUER']) delete process.env[key]
      ;(process.env as Record<string, string>).NODE_ENV = 'production'
      expect(providerInfo()).toEqual([])
      process.env.SMTP_HOST = 'smtp.example.test'
      expect(providerInfo().map((p) => p.id)).toEqual(['email'])
    } finally {
      process.env = saved
    }
  })
})
