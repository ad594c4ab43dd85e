import pg from 'pg'

/** Runs `fn`, returning the SQL statements every pg client sent meanwhile. */
export async function sqlOf<T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const sql: string[] = []
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text: string }
    sql.push(typeof q === 'string' ? q : q.text)
    return (query as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof query
  try {
    return { result: await fn(), sql }
  } finally {
    pg.Client.prototype.query = query
  }
}
