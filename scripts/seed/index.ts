import type { Payload } from 'payload'
import { randomBytes } from 'crypto'
import sharp from 'sharp'

import { seedPassword } from '@/lib/env.mjs'
import { lexical } from '@/lib/lexical'
import { demoArticles } from './articles'

/**
 * Demo content: three staff accounts, a "Cyber Security" category and a few articles. Safe to
 * run again: whatever already exists (by email or slug) is left as it is.
 */
const context = { disableRevalidate: true }

const STAFF = [
  { email: 'admin@byline.local', name: 'Ada Admin', roles: ['admin'] as const },
  { email: 'editor@byline.local', name: 'Eddie Editor', roles: ['editor'] as const },
  { email: 'moderator@byline.local', name: 'Mo Moderator', roles: ['moderator'] as const },
]

async function ensureStaff(payload: Payload) {
  const created: { email: string; password: string }[] = []
  const ids: Record<string, number> = {}
  for (const person of STAFF) {
    const found = await payload.find({
      collection: 'users',
      where: { email: { equals: person.email } },
      limit: 1,
      overrideAccess: true,
    })
    if (found.docs[0]) {
      ids[person.email] = found.docs[0].id
      continue
    }
    const password = seedPassword() || randomBytes(9).toString('base64url')
    const user = await payload.create({
      collection: 'users',
      data: { email: person.email, name: person.name, roles: [...person.roles], password },
      overrideAccess: true,
      context,
    })
    ids[person.email] = user.id
    created.push({ email: person.email, password })
  }
  return { created, ids }
}

async function ensureCategory(payload: Payload, title: string, slug: string) {
  const found = await payload.find({
    collection: 'categories',
    where: { slug: { equals: slug } },
    limit: 1,
    overrideAccess: true,
  })
  return (
    found.docs[0] ??
    (await payload.create({ collection: 'categories', data: { title, slug }, overrideAccess: true, context }))
  )
}

/** A generated banner image (no network, no bundled binaries). */
async function heroImage(payload: Payload, slug: string, title: string, hue: number) {
  const filename = `${slug}.png`
  const alt = `Illustration for “${title}”`
  // Stored names carry a content hash (collections/Media/hooks/nameByContent.ts): found by alt text.
  const found = await payload.find({
    collection: 'media',
    where: { alt: { equals: alt } },
    limit: 1,
    overrideAccess: true,
  })
  if (found.docs[0]) return found.docs[0]
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,35%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},55%,15%)"/>
    </linearGradient></defs>
    <rect width="1600" height="900" fill="url(#g)"/>
    ${Array.from({ length: 24 }, (_, i) => `<circle cx="${(i * 137) % 1600}" cy="${(i * 89) % 900}" r="${20 + ((i * 37) % 90)}" fill="white" fill-opacity="0.06"/>`).join('')}
  </svg>`
  const data = await sharp(Buffer.from(svg)).png().toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt, caption: 'Illustration: Byline demo content' },
    file: { data, mimetype: 'image/png', name: filename, size: data.length },
    overrideAccess: true,
    context,
  })
}

export async function seed(payload: Payload) {
  const { created, ids } = await ensureStaff(payload)
  const category = await ensureCategory(payload, 'Cyber Security', 'cyber-security')
  const slugToId = new Map<string, number>()

  for (const demo of demoArticles) {
    const existing = await payload.find({
      collection: 'articles',
      where: { slug: { equals: demo.slug } },
      limit: 1,
      overrideAccess: true,
      draft: true,
    })
    if (existing.docs[0]) {
      slugToId.set(demo.slug, existing.docs[0].id)
      continue
    }
    const image = await heroImage(payload, demo.slug, demo.title, demo.hue)
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: demo.title,
        slug: demo.slug,
        excerpt: demo.excerpt,
        heroImage: image.id,
        content: lexical(demo.body),
        categories: [category.id],
        tags: demo.tags,
        authors: [ids['editor@byline.local']],
        relatedArticles: (demo.related ?? [])
          .map((s) => slugToId.get(s))
          .filter((id): id is number => id !== undefined),
        publishedAt: new Date(Date.now() - demo.daysAgo * 86_400_000).toISOString(),
        _status: 'published',
      },
      overrideAccess: true,
      context,
    })
    slugToId.set(demo.slug, article.id)
  }
  // The header menu's sections, once: an editor orders them in /admin/globals/site later.
  const site = await payload.findGlobal({ slug: 'site', depth: 0, overrideAccess: true })
  if (!site.sections?.length) {
    await payload.updateGlobal({ slug: 'site', data: { sections: [category.id] }, overrideAccess: true, context })
  }
  return { created, articles: slugToId.size }
}
