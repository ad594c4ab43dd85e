/** The largest id a PostgreSQL `integer` primary key holds. */
export const MAX_ID = 2_147_483_647

/**
 * A document id from outside (a form field, a query string, a server action's argument): a
 * positive whole number that fits the database's integer ids, or null. Never NaN, 1.5, 2^40 or
 * "1\0", which would reach PostgreSQL and fail there (issue #11, F5).
 */
export function parseId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value <= MAX_ID ? value : null
  if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) return null
  const id = Number(value)
  return id <= MAX_ID ? id : null
}
