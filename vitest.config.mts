import os from 'os'
import path from 'path'
import { fileURLToPath } from 'url'
import { defineConfig } from 'vitest/config'

import { exportConditions } from './server/exportConditions.mjs'

const root = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.join(root, 'payload.config.ts') },
      { find: /^@\/(.*)$/, replacement: `${root}/$1` },
    ],
  },
  test: {
    include: ['tests/int/**/*.int.spec.ts', 'tests/security/**/*.sec.spec.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    setupFiles: ['tests/helpers/throwawayDatabase.ts'],
    environment: 'node',
    // Workers import the Payload config, and with it Lexical, natively (server/exportConditions.mjs);
    // the import's memory test measures live memory after forced collections.
    execArgv: [exportConditions('test'), '--expose-gc'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    env: {
      NODE_ENV: 'test',
      BYLINE_DISABLE_JOBS: '1',
      PAYLOAD_SECRET: 'integration-test-secret',
      // @payloadcms/storage-s3 is 3.90.1 beside payload 3.90.2 (see server/launcher.mjs).
      PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true',
      // One folder per run: uploads named by their bytes would otherwise meet a previous run's file.
      MEDIA_DIR: path.join(os.tmpdir(), `byline-test-media-${process.pid}`),
    },
  },
})
