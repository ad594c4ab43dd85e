import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

/**
 * Calls Payload's real REST and GraphQL route handlers (the ones app/(payload)/api mounts) with
 * real Request objects: the same code path as HTTP, without a listening server.
 */
const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}

type Options = { token?: string; body?: unknown; form?: FormData; cookie?: string }

/** The handler's Response itself (headers, a file's bytes); `rest` reads it as JSON. */
export async function restResponse(
  method: keyof typeof handlers,
  path: string,
  { token, body, form, cookie }: Options = {},
) {
  const url = new URL(`http://localhost/api/${path.replace(/^\//, '')}`)
  const headers = new Headers()
  if (token) headers.set('Authorization', `JWT ${token}`)
  if (cookie) headers.set('Cookie', cookie)
  if (body !== undefined) headers.set('Content-Type', 'application/json')
  const request = new Request(url, {
    method,
    headers,
    body: form ?? (body !== undefined ? JSON.stringify(body) : undefined),
  })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  return handlers[method](request, { params: Promise.resolve({ slug }) })
}

export async function rest(method: keyof typeof handlers, path: string, options: Options = {}) {
  const response = await restResponse(method, path, options)
  const text = await response.text()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the answer's shape it expects
  let json: any = null
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: response.status, json }
}

const graphqlHandler = GRAPHQL_POST(config)

export async function graphql(
  query: string,
  { token, variables, cookie }: { token?: string; variables?: Record<string, unknown>; cookie?: string } = {},
) {
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  if (cookie) headers.set('Cookie', cookie)
  const response = await graphqlHandler(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    }),
  )
  return {
    status: response.status,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for rest() above
    json: (await response.json()) as { data?: any; errors?: { message: string }[] },
  }
}

export async function login(email: string, password: string): Promise<string> {
  const { status, json } = await rest('POST', 'users/login', { body: { email, password } })
  if (status !== 200) throw new Error(`login failed for ${email}: ${status} ${JSON.stringify(json)}`)
  return json.token
}
