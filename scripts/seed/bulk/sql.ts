/** The slice of node-postgres the bulk seed needs: one connected client, inside a transaction. */
export type Db = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are read by column name, typed where used
  query: (sql: string, params?: unknown[]) => Promise<{ rows: any[]; rowCount: number | null }>
}

/** Column name → Postgres type of its values, e.g. { id: 'int', title: 'varchar', _status: 'enum_articles_status' }. */
export type Columns = Record<string, string>

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Inserts many rows in one statement: each column travels as one array parameter and
 * `unnest` zips them back into rows. Enum and jsonb columns arrive as text and are cast.
 */
export async function insertRows(db: Db, table: string, columns: Columns, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return
  const names = Object.keys(columns)
  const arrayType = (type: string) => (type.startsWith('enum_') || type === 'jsonb' ? 'text' : type)
  const params = names.map((name) => rows.map((row) => row[name] ?? null))
  const args = names.map((name, i) => `$${i + 1}::${arrayType(columns[name])}[]`).join(', ')
  const values = names.map((name) => {
    const type = columns[name]
    return type.startsWith('enum_') || type === 'jsonb' ? `v.${quote(name)}::${type}` : `v.${quote(name)}`
  })
  await db.query(
    `insert into ${quote(table)} (${names.map(quote).join(', ')})
     select ${values.join(', ')} from unnest(${args}) as v(${names.map(quote).join(', ')})`,
    params,
  )
}

/** Takes `count` ids from a table's serial sequence, so rows can reference each other before insertion. */
export async function allocateIds(db: Db, table: string, count: number): Promise<number[]> {
  if (count === 0) return []
  const { rows } = await db.query(
    `select nextval(pg_get_serial_sequence($1, 'id'))::int as id from generate_series(1, $2)`,
    [table, count],
  )
  return rows.map((r: { id: number }) => r.id)
}
