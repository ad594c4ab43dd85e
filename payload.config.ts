import { postgresAdapter } from '@payloadcms/db-postgres'
import path from 'path'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { fileURLToPath } from 'url'

import { hasRole } from './access/roles'
import { Articles } from './collections/Articles'
import { Blocks } from './collections/Blocks'
import { Categories } from './collections/Categories'
import { Comments } from './collections/Comments'
import { Imports } from './collections/Imports'
import { Media } from './collections/Media'
import { CommentReports } from './collections/CommentReports'
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
import { Site } from './globals/Site'
import { expireSiteCacheTask } from './jobs/expireSiteCache'
import { purgeEmptyDraftsTask } from './jobs/purgeEmptyDrafts'
import { purgeRateLimitsTask } from './jobs/purgeRateLimits'
import { purgeTrashTask } from './jobs/purgeTrash'
import { revalidateArticleTask } from './jobs/revalidateArticle'

import { badInputAfterError } from './lib/security/badInput'
import { withBoundedReads } from './lib/security/boundedReads'
import { graphqlCostRule } from './lib/security/graphqlCost'
import { guardScheduledJobs } from './lib/security/scheduleGuard'
import { databaseUrl, payloadSecret, serverUrl, siteName, siteTimeZone } from './lib/env.mjs'
import { holdsJobLock } from './lib/jobs/runner'
import { migrations } from './migrations'
import { extraAdminOrigins } from './lib/admin/origins'
import { quietPool } from './lib/quietPool'
import { installAfterCommit } from './lib/database/afterCommit'
import { routeReadsToReplicas } from './lib/database/readReplicas'
import { mediaStorage } from './lib/storage/s3'
import { ANALYTICS_PATH } from './lib/analytics/routes'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverUrl(),
  // SERVER_URL's origin is listed by Payload itself; in development every local address works too.
  csrf: extraAdminOrigins(),
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    components: {
      beforeDashboard: [
        '/components/admin/PendingCommentsNotice#PendingCommentsNotice',
        '/components/admin/dashboard/StaffDashboard#StaffDashboard',
      ],
      beforeLogin: ['/components/admin/WrongOriginNotice#WrongOriginNotice'],
      views: {
        // Moderators and admins only; the view refuses everyone else (access/moderationAnalytics.ts).
        moderationAnalytics: {
          Component: '/components/admin/dashboard/ModerationAnalytics#ModerationAnalyticsView',
          path: ANALYTICS_PATH,
        },
      },
    },
    meta: { titleSuffix: ' · Byline admin' },
    // Sent to the admin's client components: the name staff replies are posted under (StatusCell).
    custom: { publication: siteName() },
    avatar: { Component: '/components/admin/InitialsAvatar#InitialsAvatar' },
    // "Schedule publish" and date fields start in the publication's own time zone.
    timezones: {
      defaultTimezone: siteTimeZone(),
      supportedTimezones: ({ defaultTimezones }) =>
        defaultTimezones.some((z) => z.value === siteTimeZone())
          ? defaultTimezones
          : [{ label: siteTimeZone(), value: siteTimeZone() }, ...defaultTimezones],
    },
    livePreview: {
      breakpoints: [
        { label: 'Mobile', name: 'mobile', width: 390, height: 844 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 900 },
      ],
    },
  },
  // Every collection bounds what one REST or GraphQL read may return (lib/security/boundedReads.ts).
  collections: [
    Articles,
    Categories,
    Comments,
    Media,
    Users,
    Readers,
    ReaderAccounts,
    ReaderSessions,
    ReaderVerificationTokens,
    CommentReports,
    Blocks,
    Pages,
    Redirects,
    Pingbacks,
    Imports,
  ].map(withBoundedReads),
  globals: [Discussion, Site],
  editor: articleEditor,
  db: postgresAdapter({
    pool: { connectionString: databaseUrl() },
    // Schema changes go through committed migrations only; dev "push" would fight them.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    prodMigrations: migrations,
  }),
  jobs: {
    tasks: [revalidateArticleTask, purgeTrashTask, expireSiteCacheTask, purgeRateLimitsTask, purgeEmptyDraftsTask],
    access: {
      queue: ({ req: { user } }) => hasRole(user, 'admin', 'editor'),
      run: ({ req: { user } }) => hasRole(user, 'admin'),
      cancel: ({ req: { user } }) => hasRole(user, 'admin'),
    },
    // Due jobs (scheduled publishing) run every 5 seconds, in one process at a time: the server
    // (`npm start`), or the worker (`npm run worker`) with web instances on BYLINE_JOBS=off.
    // Scheduling happens there too, under the same lock (lib/jobs/runner.ts).
    autoRun: [{ cron: '*/5 * * * * *', queue: 'default', disableScheduling: true }],
    shouldAutoRun: async (payload) => {
      if (!(await holdsJobLock(databaseUrl()))) return false
      await payload.jobs.handleSchedules({ queue: 'default' })
      return true
    },
    // Scheduled publishing only by those who may update the document (lib/security/scheduleGuard.ts).
    jobsCollectionOverrides: guardScheduledJobs,
  },
  // A bad value in a query (a letter for an id, a number out of range, broken JSON) is a 400, not a 500.
  hooks: { afterError: [badInputAfterError] },
  // Payload looks levels up by error name; its type lists only its own errors.
  loggingLevels: { BadRequest: 'info' } as Record<string, 'info'>,
  email: emailAdapter,
  // A PostgreSQL restart must not surface as uncaught exceptions (lib/quietPool.ts).
  onInit: (payload) => {
    // Cache expiries wait for the change's transaction to commit (lib/database/afterCommit.ts).
    installAfterCommit(payload.db)
    const pool = (payload.db as unknown as { pool?: import('node:events').EventEmitter }).pool
    if (pool) quietPool(pool, (message) => payload.logger.warn(message))
    // DATABASE_READ_URLS: anonymous reader pages read from replicas (lib/database/readReplicas.ts).
    routeReadsToReplicas(payload)
  },
  sharp,
  // Media on S3-compatible storage when S3_BUCKET is set; the local disk (MEDIA_DIR) otherwise.
  plugins: [mediaStorage()],
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'schema.graphql'),
    // Counts `limit` and aliases, which Payload's own complexity limit does not.
    validationRules: ({ variableValues }) => [graphqlCostRule(variableValues)],
  },
})
