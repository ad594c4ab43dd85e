import { inject } from 'vitest'

import { createThrowawayDatabase } from '../../server/database.mjs'

// A vitest setup file: runs before each test file imports anything, so payload.config.ts sees
// this file's own fresh database in DATABASE_URL. globalSetup drops them all at the end.
const { url } = await createThrowawayDatabase(inject('adminDatabaseUrl'), inject('databasePrefix'))
process.env.DATABASE_URL = url
