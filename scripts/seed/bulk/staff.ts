import { randomBytes } from 'crypto'
import type { Payload } from 'payload'

import { slugify } from '@/lib/slugify'
import type { Ref } from './articles'
import { CATEGORIES, WRITERS } from './words'

const context = { disableRevalidate: true }

/** The bulk categories, made through the Local API (a dozen rows) when missing. */
export async function ensureCategories(payload: Payload): Promise<Ref[]> {
  const refs: Ref[] = []
  for (const title of CATEGORIES) {
    const slug = slugify(title)
    const found = await payload.find({
      collection: 'categories',
      where: { slug: { equals: slug } },
      limit: 1,
      overrideAccess: true,
    })
    const doc =
      found.docs[0] ??
      (await payload.create({
        collection: 'categories',
        data: { title, slug },
        overrideAccess: true,
        context,
      }))
    refs.push({ id: doc.id, name: doc.title })
  }
  return refs
}

/**
 * The bylines: editor accounts with random passwords nobody is told (an admin can reset them).
 * Made only once staff exist, so none of them becomes the first-user admin.
 */
export async function ensureWriters(payload: Payload): Promise<Ref[]> {
  const refs: Ref[] = []
  for (const name of WRITERS) {
    const email = `${slugify(name)}@writers.byline.local`
    const found = await payload.find({
      collection: 'users',
      where: { email: { equals: email } },
      limit: 1,
      overrideAccess: true,
    })
    const user =
      found.docs[0] ??
      (await payload.create({
        collection: 'users',
        data: { email, name, roles: ['editor'], password: randomBytes(24).toString('base64url') },
        overrideAccess: true,
        context,
      }))
    refs.push({ id: user.id, name: user.name })
  }
  return refs
}

/** A moderator (else an admin) to record as the one who approved or trashed comments. */
export async function findModerator(payload: Payload): Promise<number | null> {
  for (const role of ['moderator', 'admin']) {
    const { docs } = await payload.find({
      collection: 'users',
      where: { roles: { in: [role] } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (docs[0]) return docs[0].id
  }
  return null
}

export async function mediaIds(payload: Payload): Promise<number[]> {
  const { docs } = await payload.find({
    collection: 'media',
    limit: 50,
    depth: 0,
    select: {},
    overrideAccess: true,
  })
  return docs.map((d) => d.id)
}
