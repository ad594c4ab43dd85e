import {
  APIError,
  NotFound,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type PayloadRequest,
} from 'payload'

import { isStaff } from '@/access/roles'

/** Rows one REST or GraphQL read may return to a caller who is not staff (per collection: `custom.maxLimit`). */
export const DEFAULT_MAX_LIMIT = 100
/** Relationship levels such a caller may ask to have populated. */
export const MAX_PUBLIC_DEPTH = 2
/** PostgreSQL `integer` ids (serial): anything else cannot name a row. */
const MAX_ID = 2 ** 31 - 1

const fromOutside = (req: PayloadRequest) => req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'

/** A caller's mistake: logged at info level (payload.config.ts loggingLevels), not as a server error. */
export class BadRequest extends APIError {
  constructor(message: string) {
    super(message, 400, null, true)
  }
}

const badRequest = (message: string) => new BadRequest(message)

/** A query parameter Payload could not read as a number stays a string: refuse it, don't pass it on. */
function wholeNumber(name: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(`${name} must be a whole number from ${min} to ${max}.`)
  }
}

/** Geometry operators: the PostgreSQL adapter has them only for point fields, and Byline has none. */
const UNSUPPORTED_OPERATORS = new Set(['near', 'within', 'intersects'])

function checkWhere(where: unknown, depth = 0): void {
  if (!where || typeof where !== 'object') return
  if (depth > 20) throw badRequest('where is nested too deeply.')
  for (const [key, value] of Object.entries(where)) {
    if (UNSUPPORTED_OPERATORS.has(key)) throw badRequest(`The ${key} operator is not supported.`)
    checkWhere(value, depth + 1)
  }
}

function checkId(id: unknown): void {
  if (id === undefined) return
  const text = String(id)
  if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > MAX_ID) throw new NotFound()
}

/**
 * Every REST and GraphQL read goes through this hook (payload.config.ts adds it to each collection),
 * so no route can forget it: a caller who is not staff gets at most `maxLimit` rows a page (no
 * `limit=0`, no `pagination=false` without a limit), at most MAX_PUBLIC_DEPTH levels of relationships and no join
 * pages; everyone gets a 400 for a page, limit or depth that is not a whole number or an operator
 * the database cannot run, and a 404 for an id that cannot exist. The server's own Local API calls (reader pages, jobs) are not affected.
 */
export const boundedReads =
  (maxLimit: number): CollectionBeforeOperationHook =>
  ({ args, operation, overrideAccess, req }) => {
    // Server code running inside a REST or GraphQL request (hooks reading with full rights) shares
    // its req; only the caller's own operation, which never overrides access, is bounded.
    if (!fromOutside(req) || overrideAccess === true) return args
    const a = args as Record<string, unknown>
    // Populating the relationships of a page already served (ids of that page, no limit of its own).
    if (typeof a.currentDepth === 'number' && a.currentDepth > 0) return args
    checkId(a.id)
    checkWhere(a.where)
    const staff = isStaff(req.user as Parameters<typeof isStaff>[0])
    wholeNumber('page', a.page, 1, 1_000_000)
    if (staff) {
      wholeNumber('limit', a.limit, 0, 1_000_000)
      wholeNumber('depth', a.depth, 0, 10)
      return args
    }
    wholeNumber('limit', a.limit, 1, maxLimit)
    wholeNumber('depth', a.depth, 0, MAX_PUBLIC_DEPTH)
    // Without pages, only with a limit of its own (checked above): Payload's storage adapter looks a
    // file's document up that way (limit 1) while serving /api/media/file/<name> from S3.
    if (a.pagination === false && a.limit === undefined)
      throw badRequest(`pagination=false is not allowed; ask for pages of at most ${maxLimit}.`)
    // Join fields page on their own (`joins[field][limit]`); callers who are not staff get none.
    return operation === 'read' ? ({ ...args, joins: false } as unknown as typeof args) : args
  }

/** Adds boundedReads first in each collection's beforeOperation hooks. */
export const withBoundedReads = (collection: CollectionConfig): CollectionConfig => {
  const maxLimit = typeof collection.custom?.maxLimit === 'number' ? collection.custom.maxLimit : DEFAULT_MAX_LIMIT
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [boundedReads(maxLimit), ...(collection.hooks?.beforeOperation ?? [])],
    },
  }
}
