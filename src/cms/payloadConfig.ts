import path from 'node:path'
import { fileURLToPath } from 'node:url'

import {
  BlockquoteFeature,
  BoldFeature,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineToolbarFeature,
  ItalicFeature,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnderlineFeature,
  UnorderedListFeature,
  UploadFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'
import { buildConfig, type CollectionConfig, type Config } from 'payload'
import sharp from 'sharp'

import { AuditEntries } from '@collections/AuditEntries'
import { Authors } from '@collections/Authors'
import { Categories } from '@collections/Categories'
import { CommenterBlocks } from '@collections/CommenterBlocks'
import { Comments } from '@collections/Comments'
import { Media } from '@collections/Media'
import { Posts } from '@collections/Posts'
import { Redirects } from '@collections/Redirects'
import { SiteSettings } from '@collections/SiteSettings'
import { Users } from '@collections/Users'

import { hasRole } from '@/access/roles'
import type { AppConfig } from '@/config/appConfig'
import { databaseAdapter } from '@/db/databaseAdapter'
import { watchDatabase } from '@/db/watchDatabase'
import { answerKnownFaults } from '@/cms/answerKnownFaults'
import { withReadLimits } from '@/cms/capPageSize'
import { createEmailAdapter } from '@/cms/emailAdapter'
import { createLogger } from '@/cms/logger'
import { withRequestUserNote } from '@/cms/noteRequestUser'
import { notifyEditorsTask } from '@/jobs/notifyEditors'
import { NOTIFICATIONS_QUEUE, notifyModeratorsTask } from '@/jobs/notifyModerators'
import { purgeExpiredCommentsTask } from '@/jobs/purgeExpiredComments'
import { guardJobRunner } from '@/jobs/runner/guardJobRunner'
import { recheckSpamTask, SPAM_QUEUE } from '@/jobs/recheckSpam'
import { reportToAkismetTask } from '@/jobs/reportToAkismet'
import { sendModerationDigestsTask } from '@/jobs/sendModerationDigests'
import { createRuntime, runtimeOf, type Runtime } from '@/runtime/runtime'
import { listenForInvalidations } from '@/runtime/sharedInvalidation'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The staff session cookie: `Secure` when the site is served over https (SERVER_URL), so it is
 * never sent over plain http; SameSite=Lax, so other sites' forms and scripts do not carry it.
 */
function withSessionCookie(users: CollectionConfig, https: boolean): CollectionConfig {
  const auth = typeof users.auth === 'object' ? users.auth : {}
  return { ...users, auth: { ...auth, cookies: { secure: https, sameSite: 'Lax' } } }
}

/**
 * An upload collection writing its files to MEDIA_DIR, or, with S3_BUCKET set, nowhere local: its
 * own hooks and file handler put them in the bucket and serve them from it (runtime.uploads).
 */
function withUploadStorage(collection: CollectionConfig, config: AppConfig): CollectionConfig {
  const upload = typeof collection.upload === 'object' ? collection.upload : {}
  const disableLocalStorage = config.s3 !== null
  return { ...collection, upload: { ...upload, staticDir: config.mediaDir, disableLocalStorage } }
}

/** Uploaded images: Payload stops reading a larger file (the front's limit for the request is 25 MB). */
const MEDIA_MAX_FILE_SIZE = 20 * 1024 * 1024

const JOB_CRONS = [
  { cron: '* * * * *', queue: 'default', limit: 20 },
  { cron: '*/10 * * * * *', queue: NOTIFICATIONS_QUEUE, limit: 20 },
  { cron: '* * * * *', queue: SPAM_QUEUE, limit: 100 },
]

const adminsOnly = ({ req }: { req: { user?: unknown } }) =>
  hasRole(req.user as Parameters<typeof hasRole>[0], 'admin')

/**
 * The Payload configuration for an application configuration: collections, editor, jobs and the
 * runtime (`custom.runtime`, reached through runtimeOf). payload.config.ts builds it from the
 * environment for Next and the CLI; start-up and the tests build it from the config they read.
 */
export function createPayloadConfig(config: AppConfig, runtime: Runtime = createRuntime(config)) {
  return buildConfig({
    admin: {
      user: Users.slug,
      meta: { titleSuffix: ' · Agency Blog admin' },
      // Payload's own icon: a Gravatar image would come from another site, which the admin's
      // content security policy refuses (and which would tell Gravatar who works here).
      avatar: 'default',
      importMap: { baseDir: path.resolve(root, 'src') },
      components: {
        beforeNavLinks: [
          '/admin/OpenNavOnWideScreens#OpenNavOnWideScreens',
          '/admin/ModerationNavLink#ModerationNavLink',
          '/admin/ImportNavLink#ImportNavLink',
        ],
        beforeDashboard: [
          '/admin/AkismetNotice#AkismetNotice',
          '/admin/ModerationCard/ModerationCard#ModerationCard',
        ],
        views: {
          moderation: {
            Component: '/admin/ModerationView/ModerationView#ModerationView',
            path: '/moderation',
            exact: true,
          },
          import: {
            Component: '/admin/ImportView/ImportView#ImportView',
            path: '/import',
            exact: true,
          },
        },
      },
    },
    collections: [
      Posts,
      Authors,
      Categories,
      Redirects,
      Comments,
      CommenterBlocks,
      AuditEntries,
      withUploadStorage(Media, config),
      withSessionCookie(Users, config.serverUrl.startsWith('https:')),
    ]
      .map(withReadLimits)
      .map(withRequestUserNote),
    globals: [SiteSettings],
    editor: lexicalEditor({
      features: () => [
        ParagraphFeature(),
        HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
        BoldFeature(),
        ItalicFeature(),
        UnderlineFeature(),
        LinkFeature(),
        UnorderedListFeature(),
        OrderedListFeature(),
        BlockquoteFeature(),
        HorizontalRuleFeature(),
        EXPERIMENTAL_TableFeature(),
        UploadFeature({ enabledCollections: ['media'] }),
        FixedToolbarFeature(),
        InlineToolbarFeature(),
      ],
    }),
    db: databaseAdapter(config.database),
    secret: config.secret,
    serverURL: config.serverUrl,
    // Never empty: an empty list would let a session cookie act from any origin.
    csrf: [...config.trustedOrigins],
    sharp,
    // Payload stops reading an upload past this size (the front refuses larger requests first).
    upload: { limits: { fileSize: MEDIA_MAX_FILE_SIZE } },
    email: createEmailAdapter(config.email),
    graphQL: { disablePlaygroundInProduction: true },
    jobs: {
      tasks: [
        notifyModeratorsTask,
        notifyEditorsTask,
        sendModerationDigestsTask,
        purgeExpiredCommentsTask,
        recheckSpamTask,
        reportToAkismetTask,
      ],
      // Scheduled publishing, the hourly moderation digests and the daily retention purge every
      // minute, moderator emails every ten seconds, spam checks and reports every minute; only in a
      // process whose runtime says so (the server with JOBS=on, or the worker, after migrations).
      // Payload starts these crons wherever a REST request is handled, tests included: without
      // the switch they would send mail (and queue schedules, which Payload does before it asks
      // shouldAutoRun) behind the tests' backs, or in a web instance with JOBS=off.
      shouldAutoRun: (payload) => runtimeOf(payload).jobs.runHere,
      autoRun: (payload) => (runtimeOf(payload).jobs.runHere ? JOB_CRONS : []),
      access: { queue: adminsOnly, run: adminsOnly, cancel: adminsOnly },
    },
    typescript: { outputFile: path.resolve(root, 'src/payload-types.ts') },
    custom: { runtime },
    logger: createLogger(config),
    telemetry: false,
    hooks: { afterError: [answerKnownFaults] },
    onInit: async (payload) => {
      watchDatabase(payload)
      guardJobRunner(payload)
      await listenForInvalidations(payload)
    },
    // A refused request is the caller's mistake, not ours: logged as information, without a stack.
    // (RequestRefused is ours: Payload's type lists only its own error names.)
    loggingLevels: {
      RequestRefused: 'info',
      QueryError: 'info',
      AuthenticationError: 'info',
      UnauthorizedError: 'info',
      LockedAuth: 'info',
    } as Config['loggingLevels'],
  })
}
