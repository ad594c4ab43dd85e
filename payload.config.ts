import { postgresAdapter } from '@payloadcms/db-postgres'
import path from 'path'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { fileURLToPath } from 'url'

import { hasRole } from './access/roles'
import { Articles } from './collections/Articles'
import { Categories } from './collections/Categories'
import { Comments } from './collections/Comments'
import { Imports } from './collections/Imports'
import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { Pingbacks } from './collections/Pingbacks'
import { Readers } from './collections/Readers'
import { ReaderAccounts } from './collections/Readers/accounts'
import { ReaderSessions } from './collections/Readers/sessions'
import { ReaderVerificationTokens } from './collections/Readers/verificationTokens'
import { Redirects } from './collections/Redirects'
import { Users } from './collections/Users'
import { articleEditor } from './fields/richText'
import { emailAdapter } from './lib/email/adapter'
import { Discussion } from './globals/Discussion'
import { purgeTrashTask } from './jobs/purgeTrash'
import { revalidateArticleTask } from './jobs/revalidateArticle'
import { databaseUrl, payloadSecret, serverUrl } from './lib/env'
import { migrations } from './migrations'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverUrl,
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    components: {
      beforeDashboard: ['/components/admin/PendingCommentsNotice#PendingCommentsNotice'],
    },
    meta: { titleSuffix: ' · Byline admin' },
    livePreview: {
      breakpoints: [
        { label: 'Mobile', name: 'mobile', width: 390, height: 844 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 900 },
      ],
    },
  },
  collections: [Articles, Categories, Comments, Media, Users, Readers, ReaderAccounts, ReaderSessions, ReaderVerificationTokens, Pages, Redirects, Pingbacks, Imports],
  globals: [Discussion],
  editor: articleEditor,
  db: postgresAdapter({
    pool: { connectionString: databaseUrl() },
    // Schema changes go through committed migrations only; dev "push" would fight them.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    prodMigrations: migrations,
  }),
  jobs: {
    tasks: [revalidateArticleTask, purgeTrashTask],
    access: {
      queue: ({ req: { user } }) => hasRole(user, 'admin', 'editor'),
      run: ({ req: { user } }) => hasRole(user, 'admin'),
      cancel: ({ req: { user } }) => hasRole(user, 'admin'),
    },
    // The server process runs due jobs (scheduled publishing) every 5 seconds.
    autoRun: [{ cron: '*/5 * * * * *', queue: 'default' }],
    shouldAutoRun: () => process.env.BYLINE_DISABLE_JOBS !== '1',
  },
  email: emailAdapter,
  sharp,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  graphQL: { schemaOutputFile: path.resolve(dirname, 'schema.graphql') },
})
