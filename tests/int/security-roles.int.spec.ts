import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { guardedSchedulePublish } from '@/lib/security/scheduleGuard'
import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { lexical } from '@/lib/lexical'
import { ctx } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { graphql, login, rest } from '../helpers/rest'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

/** #11 F3, F7, F9 and #12's roles point: each role reaches only its job, over every door. */
type Who = 'anonymous' | Role
const WHO: Who[] = ['anonymous', 'editor', 'moderator', 'admin']
const mayModerate = (who: Who) => who === 'moderator' || who === 'admin'

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
const tokens: Partial<Record<Who, string>> = {}
const WORDS = { moderationWords: 'casino-held-word', disallowedWords: 'viagra-spam-word' }

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['editor', 'moderator', 'admin'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
  await payload.updateGlobal({ slug: 'discussion', data: { ...WORDS, perPage: 50 }, context: ctx })
})
afterAll(() => stop?.())

describe('F9: the word lists are for moderators and admins', () => {
  it.each(WHO)('%s reads the settings, and the word lists only if a moderator or admin (REST)', async (who) => {
    const { status, json } = await rest('GET', 'globals/discussion', { token: tokens[who] })
    expect(status).toBe(200)
    expect(json.perPage).toBe(50)
    expect(json.moderationWords === WORDS.moderationWords).toBe(mayModerate(who))
    expect(json.disallowedWords === WORDS.disallowedWords).toBe(mayModerate(who))
    expect(JSON.stringify(json).includes('spam-word')).toBe(mayModerate(who))
  })

  it.each(WHO)('%s: the same over GraphQL', async (who) => {
    const { json } = await graphql('{ Discussion { perPage moderationWords disallowedWords } }', { token: tokens[who] })
    expect(json.data.Discussion.perPage).toBe(50)
    expect(json.data.Discussion.moderationWords === WORDS.moderationWords).toBe(mayModerate(who))
    expect(json.data.Discussion.disallowedWords === WORDS.disallowedWords).toBe(mayModerate(who))
  })

  it("the server's own comment rules still read them (anonymous Local API, access enforced)", async () => {
    const settings = await payload.findGlobal({ slug: 'discussion', overrideAccess: false, depth: 0 })
    expect(settings.moderationWords).toBe(WORDS.moderationWords)
    expect(settings.disallowedWords).toBe(WORDS.disallowedWords)
  })

  it('an editor does not see them through the Local API as the admin renders it', async () => {
    const settings = await payload.findGlobal({
      slug: 'discussion',
      overrideAccess: false,
      user: staff.editor,
      depth: 0,
    })
    expect(settings.perPage).toBe(50)
    expect(settings.moderationWords ?? null).toBeNull()
  })
})

describe('#12: Discussion settings are changed by admins only', () => {
  it.each(WHO)('%s: REST update', async (who) => {
    const value = 10 + WHO.indexOf(who)
    const { status } = await rest('POST', 'globals/discussion', { token: tokens[who], body: { perIpPerHour: value } })
    expect(status).toBe(who === 'admin' ? 200 : 403)
    const stored = await payload.findGlobal({ slug: 'discussion' })
    expect(stored.perIpPerHour === value).toBe(who === 'admin')
  })

  it.each(WHO)('%s: GraphQL update', async (who) => {
    const value = 30 + WHO.indexOf(who)
    const { json } = await graphql(`mutation { updateDiscussion(data: { perIpPerHour: ${value} }) { perIpPerHour } }`, {
      token: tokens[who],
    })
    expect(json.data?.updateDiscussion?.perIpPerHour === value).toBe(who === 'admin')
    const stored = await payload.findGlobal({ slug: 'discussion' })
    expect(stored.perIpPerHour === value).toBe(who === 'admin')
  })
})

describe("F3: a reader's email is written only by the sign-in flow", () => {
  let readerId: number
  beforeAll(async () => {
    const reader = await payload.create({
      collection: 'readers',
      data: { name: 'Rita', email: 'rita@readers.test' },
      context: { readerAuth: true },
    })
    readerId = reader.id
  })

  it.each(['moderator', 'admin'] as Role[])('%s cannot change it over REST, GraphQL or the Local API', async (who) => {
    const patch = await rest('PATCH', `readers/${readerId}`, {
      token: tokens[who],
      body: { email: `evil-${who}@example.test`, banReason: `checked by ${who}` },
    })
    expect(patch.status).toBe(200)
    await graphql(`mutation { updateReader(id: ${readerId}, data: { email: "gql-${who}@example.test" }) { id } }`, {
      token: tokens[who],
    })
    await payload.update({
      collection: 'readers',
      id: readerId,
      data: { email: `local-${who}@example.test` },
      overrideAccess: false,
      user: staff[who],
    })
    const stored = await payload.findByID({ collection: 'readers', id: readerId })
    expect(stored.banReason).toBe(`checked by ${who}`)
    expect(stored.email).toBe('rita@readers.test')
  })

  it('the sign-in flow still changes it', async () => {
    await payload.update({
      collection: 'readers',
      id: readerId,
      data: { email: 'rita.new@readers.test' },
      context: { readerAuth: true },
      overrideAccess: false,
    })
    const stored = await payload.findByID({ collection: 'readers', id: readerId })
    expect(stored.email).toBe('rita.new@readers.test')
    await payload.update({
      collection: 'readers',
      id: readerId,
      data: { email: 'rita@readers.test' },
      context: { readerAuth: true },
      overrideAccess: false,
    })
  })
})

describe('F7: scheduled publishing only by those who may update the document', () => {
  let articleId: number
  const asUser = async (who: Role) =>
    createLocalReq({ user: { ...staff[who], collection: 'users' } as TypedUser }, payload)
  const jobsFor = async (id: number) =>
    (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'schedulePublish' } },
        limit: 100,
        overrideAccess: true,
      })
    ).docs.filter((job) => String((job.input as { doc?: { value: unknown } })?.doc?.value) === String(id))
  // The admin's server function, as app/(payload)/layout.tsx registers it.
  const schedule = async (who: Role) =>
    guardedSchedulePublish({
      type: 'publish',
      date: new Date(Date.now() + 86_400_000),
      doc: { relationTo: 'articles', value: String(articleId) },
      req: await asUser(who),
    } as Parameters<typeof schedulePublishHandler>[0])

  beforeAll(async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Scheduled story', content: lexical([{ p: 'x' }]), _status: 'draft' },
      draft: true,
      context: ctx,
    })
    articleId = draft.id
  })

  it("an editor schedules a publish through the admin's server function", async () => {
    const result = await schedule('editor')
    expect(result).toMatchObject({ message: expect.any(String) })
    expect(await jobsFor(articleId)).toHaveLength(1)
  })

  it('a moderator (who may not edit articles) cannot schedule one', async () => {
    const result = await schedule('moderator')
    expect(result).toMatchObject({ error: expect.stringMatching(/Error scheduling publish/) })
    expect(await jobsFor(articleId)).toHaveLength(1)
  })

  it("a moderator cannot delete the editor's scheduled job; an admin can", async () => {
    const [job] = await jobsFor(articleId)
    expect(job).toBeTruthy()
    await schedulePublishHandler({ deleteID: job.id, req: await asUser('moderator') } as Parameters<
      typeof schedulePublishHandler
    >[0])
    const kept = await payload.findByID({
      collection: 'payload-jobs',
      id: job.id,
      overrideAccess: true,
      disableErrors: true,
    })
    expect(kept?.id).toBe(job.id)
    await schedulePublishHandler({ deleteID: job.id, req: await asUser('admin') } as Parameters<
      typeof schedulePublishHandler
    >[0])
    const gone = await payload.findByID({
      collection: 'payload-jobs',
      id: job.id,
      overrideAccess: true,
      disableErrors: true,
    })
    expect(gone).toBeNull()
  })
})
