import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { findRedirect } from '@/lib/redirects'
import { normaliseRedirectPath } from '@/lib/redirectPath'
import { startPayload } from '../helpers/payload'
import { createStaff, type Role } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
})
afterAll(() => stop?.())

it.each([
  ['/caf%c3%a9/', '/caf%C3%A9'],
  ['/café', '/caf%C3%A9'],
  ['//a//b///', '/a/b'],
  ['/?p=123', '/?p=123'],
  ['/?b=2&a=1', '/?a=1&b=2'],
  ['https://old.example/2014/05/Hello/?p=1#top', '/2014/05/Hello?p=1'],
])('the address %s is stored and matched as %s', (input, stored) => {
  expect(normaliseRedirectPath(input)).toBe(stored)
})

it('admins and editors manage redirects; moderators and readers may not even read them; the proxy answers at once', async () => {
  const page = await payload.create({
    collection: 'pages',
    data: { title: 'About us', slug: 'about-us', _status: 'published' },
    overrideAccess: true,
    context: { disableRevalidate: true },
  })
  expect(page.path).toBe('/about-us/')
  const made = await payload.create({
    collection: 'redirects',
    data: { from: '/About%2fOld//', to: { type: 'page', page: page.id }, statusCode: '302' },
    user: staff.editor,
    overrideAccess: false,
  })
  expect(made.from).toBe('/About%2FOld')
  expect(await findRedirect('/About%2fOld/', '')).toEqual({ location: '/about-us/', status: 302 })
  await payload.update({
    collection: 'redirects',
    id: made.id,
    data: { statusCode: '301' },
    user: staff.admin,
    overrideAccess: false,
  })
  expect(await findRedirect('/About%2fOld', '')).toEqual({ location: '/about-us/', status: 301 })
  await expect(
    payload.create({
      collection: 'redirects',
      data: { from: '/x', to: { type: 'url', url: '/' }, statusCode: '301' },
      user: staff.moderator,
      overrideAccess: false,
    }),
  ).rejects.toThrow(/not allowed/i)
  const asModerator = await payload
    .find({ collection: 'redirects', user: staff.moderator, overrideAccess: false })
    .then(
      () => 'read',
      (e: Error) => e.message,
    )
  expect(asModerator).toMatch(/not allowed/i)
  const anonymous = await payload.find({ collection: 'redirects', overrideAccess: false }).then(
    () => 'read',
    (e: Error) => e.message,
  )
  expect(anonymous).toMatch(/not allowed/i)
})

it('a page may not take the address of one of the site\u2019s own routes', async () => {
  const error = await payload
    .create({
      collection: 'pages',
      data: { title: 'Articles', slug: 'articles', _status: 'published' },
      overrideAccess: true,
    })
    .then(
      () => null,
      (e: { data?: unknown }) => e,
    )
  expect(JSON.stringify(error?.data)).toContain("is one of the site's own addresses")
})
