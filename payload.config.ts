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
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { AuditEntries } from './collections/AuditEntries'
import { Authors } from './collections/Authors'
import { Categories } from './collections/Categories'
import { Comments } from './collections/Comments'
import { Media } from './collections/Media'
import { Posts } from './collections/Posts'
import { SiteSettings } from './collections/SiteSettings'
import { Users } from './collections/Users'
import { hasRole } from './src/access/roles'
import { parseDatabaseUrl } from './src/config/databaseUrl'
import { dataDir } from './src/config/dataDir'
import { readOrCreateSecret } from './src/config/secret'
import { databaseAdapter } from './src/db/databaseAdapter'
import { createEmailAdapter } from './src/email/emailAdapter'
import { readEmailConfig } from './src/email/emailConfig'
import { runsQueuedJobs } from './src/jobs/jobRunner'
import { NOTIFICATIONS_QUEUE, notifyModeratorsTask } from './src/jobs/notifyModerators'
import { purgeExpiredCommentsTask } from './src/jobs/purgeExpiredComments'
import { recheckSpamTask, SPAM_QUEUE } from './src/jobs/recheckSpam'
import { reportToAkismetTask } from './src/jobs/reportToAkismet'
import { createAkismetChecker } from './src/spam/akismet'
import { readAkismetConfig } from './src/spam/akismetConfig'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Off (null) without AKISMET_API_KEY; hooks and jobs reach it through payload.config.custom.
const akismetConfig = readAkismetConfig(process.env, {
  production: process.env.NODE_ENV === 'production',
  serverUrl: process.env.SERVER_URL || 'http://localhost:3000',
})

const adminsOnly = ({ req }: { req: { user?: unknown } }) =>
  hasRole(req.user as Parameters<typeof hasRole>[0], 'admin')

export default buildConfig({
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Agency Blog admin' },
    importMap: { baseDir: path.resolve(dirname, 'src') },
    components: {
      beforeNavLinks: ['/admin/ModerationNavLink#ModerationNavLink'],
      beforeDashboard: ['/admin/AkismetNotice#AkismetNotice'],
      views: {
        moderation: {
          Component: '/admin/ModerationView/ModerationView#ModerationView',
          path: '/moderation',
          exact: true,
        },
      },
    },
  },
  collections: [Posts, Authors, Categories, Comments, AuditEntries, Media, Users],
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
  db: databaseAdapter(parseDatabaseUrl(process.env.DATABASE_URL, dataDir())),
  // start-up (src/start.ts) refuses to run in production without PAYLOAD_SECRET and exports the
  // resolved value, so the server and the CLI always agree.
  secret: process.env.PAYLOAD_SECRET || readOrCreateSecret(dataDir()),
  serverURL: process.env.SERVER_URL || undefined,
  sharp,
  email: createEmailAdapter(readEmailConfig(process.env)),
  graphQL: { disablePlaygroundInProduction: true },
  jobs: {
    tasks: [notifyModeratorsTask, purgeExpiredCommentsTask, recheckSpamTask, reportToAkismetTask],
    // The server runs queued jobs (getPayload({ cron: true })): scheduled publishing and the daily
    // retention purge every minute, moderator emails every ten seconds, spam rechecks and reports
    // every minute. Only the server: see src/jobs/jobRunner.ts.
    shouldAutoRun: () => runsQueuedJobs(),
    autoRun: [
      { cron: '* * * * *', queue: 'default', limit: 20 },
      { cron: '*/10 * * * * *', queue: NOTIFICATIONS_QUEUE, limit: 20 },
      { cron: '* * * * *', queue: SPAM_QUEUE, limit: 100 },
    ],
    access: { queue: adminsOnly, run: adminsOnly, cancel: adminsOnly },
  },
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  custom: {
    akismet: akismetConfig
      ? { config: akismetConfig, checker: createAkismetChecker(akismetConfig) }
      : null,
  },
  telemetry: false,
})
