import path from 'path'
import { fileURLToPath } from 'url'
import { defineConfig } from 'vitest/config'

import { exportConditions } from './server/exportConditions.mjs'

const root = path.dirname(fileURLToPath(import.meta.url))

// tests/scale runs only through `npm run test:scale` (scripts/scale.mjs), which starts the
// services these tests talk to and passes their addresses as SCALE_* variables.
export default defineConfig({
  resolve: { alias: [{ find: /^@\/(.*)$/, replacement: `${root}/$1` }] },
  test: {
    include: ['tests/scale/**/*.scale.spec.ts'],
    environment: 'node',
    // Workers import the Payload config, and with it Lexical, natively (server/exportConditions.mjs).
    execArgv: [exportConditions('test')],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
})
