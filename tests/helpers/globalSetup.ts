import fs from 'fs'
import os from 'os'
import path from 'path'
import type { TestProject } from 'vitest/node'

import { dropThrowawayDatabases, startEmbeddedPostgres } from '../../server/database.mjs'

/**
 * One PostgreSQL server for the whole run: TEST_DATABASE_URL when given (any server you can
 * create databases on), else an embedded one in a temp dir. Each test file makes its own
 * throwaway database on it (tests/helpers/payload.ts).
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    // A prefix of this run's own, so that cleaning up never drops the databases of another run
    // sharing the same server.
    const prefix = `byline_test_${process.pid}`
    project.provide('adminDatabaseUrl', process.env.TEST_DATABASE_URL)
    project.provide('databasePrefix', prefix)
    return () => dropThrowawayDatabases(process.env.TEST_DATABASE_URL!, prefix)
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-int-'))
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'postgres', persistent: false })
  project.provide('adminDatabaseUrl', server.url)
  project.provide('databasePrefix', 'byline_test')
  return async () => {
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
    databasePrefix: string
  }
}
