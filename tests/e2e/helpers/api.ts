import { expect, request, type APIRequestContext } from '@playwright/test'

import { lexical, type Block } from '../../../lib/lexical'
import type { Article } from '../../../payload-types'
import type { Staff } from './staff'

export function baseURL(): string {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run `npm run test:e2e`, or point it at a server')
  return url
}

/** Logs in through Payload's REST API: the JWT, or null when the credentials are refused. */
export async function login(api: APIRequestContext, user: Staff): Promise<string | null> {
  const response = await api.post('/api/users/login', {
    data: { email: user.email, password: user.password },
  })
  if (response.status() === 401) return null
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()).token
}

/** A request context that calls the REST API as `user` (Authorization: JWT …). */
export async function staffRequest(user: Staff): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: baseURL() })
  const token = await login(anonymous, user)
  await anonymous.dispose()
  if (!token) throw new Error(`${user.email} cannot log in; did globalSetup run?`)
  return request.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { Authorization: `JWT ${token}` },
  })
}

/** A slug no earlier run used; every test article's slug starts with `e2e-`. */
export const uniqueSlug = (name: string) =>
  `e2e-${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

type NewArticle = {
  title: string
  slug: string
  status: 'draft' | 'published'
  body?: Block[]
}

export async function createArticle(api: APIRequestContext, article: NewArticle): Promise<Article> {
  const { title, slug, status, body = [{ p: `${title}: body text.` }] } = article
  const response = await api.post('/api/articles', {
    data: { title, slug, _status: status, content: lexical(body) },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc
}

export async function updateArticle(
  api: APIRequestContext,
  id: number,
  data: Partial<Pick<Article, 'title' | 'slug' | '_status'>>,
): Promise<Article> {
  const response = await api.patch(`/api/articles/${id}`, { data })
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()).doc
}
