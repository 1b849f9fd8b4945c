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

const dirname = path.dirname(fileURLToPath(import.meta.url))

const adminsOnly = ({ req }: { req: { user?: unknown } }) =>
  hasRole(req.user as Parameters<typeof hasRole>[0], 'admin')

export default buildConfig({
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Agency Blog admin' },
    importMap: { baseDir: path.resolve(dirname, 'src') },
  },
  collections: [Posts, Authors, Categories, Comments, Media, Users],
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
  graphQL: { disablePlaygroundInProduction: true },
  jobs: {
    // Scheduled publishing queues jobs; the server runs them every minute (getPayload({ cron: true })).
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    access: { queue: adminsOnly, run: adminsOnly, cancel: adminsOnly },
  },
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  telemetry: false,
})
