import { readAkismetConfig, type AkismetConfig } from './akismet'
import { ConfigError } from './configError'
import { readPublicCacheConfig, type PublicCacheConfig } from './publicCache'
import { parseRedisUrl } from './redisUrl'
import { readSharedInvalidationConfig, type SharedInvalidationConfig } from './sharedInvalidation'
import { parseDatabaseUrl, type DatabaseTarget } from './databaseUrl'
import { readEmailConfig, type EmailConfig } from './email'
import { readJobsConfig, type JobsConfig } from './jobs'
import {
  parseHost,
  parsePort,
  parseRenderConcurrency,
  parseServerUrl,
  parseShutdownDrainSeconds,
  parseTrustProxy,
  trustedOrigins,
  type TrustProxy,
} from './network'
import { dataDirOf, mediaDirOf } from './projectPaths'
import { readOrCreateSecret } from './secret'
import { readS3StorageConfig, type S3StorageConfig } from './storage'

export type Env = Readonly<Record<string, string | undefined>>

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

const NODE_ENVS = ['production', 'development', 'test'] as const
const LOG_FORMATS = ['json', 'pretty'] as const
export type LogFormat = (typeof LOG_FORMATS)[number]

/**
 * Everything the application takes from its environment, read and checked once at start-up.
 * `payload.config.ts`, `src/start.ts` and the Express front receive this object; nothing else
 * reads `process.env`, and nothing writes to it.
 */
export type AppConfig = {
  /** NODE_ENV=production as the operator set it: a real deployment, no demo content. */
  readonly production: boolean
  /** NODE_ENV as the operator set it (null when unset). */
  readonly nodeEnv: (typeof NODE_ENVS)[number] | null
  readonly port: number
  /** The interface to listen on; undefined = every interface. */
  readonly host: string | undefined
  /**
   * The site's public base URL, without a trailing slash: SERVER_URL, else http://HOST:PORT
   * (localhost when HOST is unset). Payload's serverURL, absolute links in pages, feeds and
   * emails, and Akismet's `blog` all use it.
   */
  readonly serverUrl: string
  readonly serverUrlFromEnv: boolean
  /** Origins whose requests may use a staff session cookie (Payload's CSRF list). */
  readonly trustedOrigins: readonly string[]
  /** DATA_DIR: the SQLite file and the generated secret (absolute; relative values are from the project). */
  readonly dataDir: string
  /** MEDIA_DIR: uploaded images and their resized copies (absolute; default the project's media/). */
  readonly mediaDir: string
  /** The S3_* variables: uploads in a bucket instead of MEDIA_DIR; null when S3_BUCKET is unset. */
  readonly s3: S3StorageConfig | null
  readonly database: DatabaseTarget
  readonly secret: string
  readonly demo: { readonly password: string; readonly passwordFromEnv: boolean }
  readonly trustProxy: TrustProxy
  /** RENDER_CONCURRENCY: page renders at once, and how many may wait for a turn. */
  readonly renders: { readonly concurrent: number; readonly waiting: number }
  /** SHUTDOWN_DRAIN_SECONDS in ms: serving on, with /healthz at 503, before closing on SIGTERM. */
  readonly shutdownDrainMs: number
  readonly logLevel: LogLevel
  /** JSON lines (one object per line, for log collectors) or coloured text for a terminal. */
  readonly logFormat: LogFormat
  /** Pretty text is coloured only on a terminal: a log file gets no escape codes. */
  readonly logColors: boolean
  readonly email: EmailConfig
  /** The AKISMET_* variables; null when AKISMET_API_KEY is unset (spam checking off). */
  readonly akismet: AkismetConfig | null
  /** PUBLIC_CACHE_SECONDS and PUBLIC_STALE_SECONDS: what shared caches may do with public pages. */
  readonly publicCache: PublicCacheConfig
  /** REDIS_URL: a Redis server the instances share; null when unset. */
  readonly redisUrl: string | null
  /** How a change reaches the other instances' caches and the shared caches in front. */
  readonly invalidation: SharedInvalidationConfig
  /** JOBS and WORKER_PORT: whether the server runs the job queues, and the worker's health port. */
  readonly jobs: JobsConfig
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function parseNodeEnv(value: string | undefined): AppConfig['nodeEnv'] {
  const raw = value?.trim()
  if (!raw) return null
  if (!(NODE_ENVS as readonly string[]).includes(raw)) {
    throw new ConfigError(
      `NODE_ENV "${raw}" is not accepted; use production for a deployment, or leave it unset`,
    )
  }
  return raw as AppConfig['nodeEnv']
}

function parseLogLevel(value: string | undefined): LogLevel {
  const raw = value?.trim() || 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL "${raw}" is not one of ${LOG_LEVELS.join(', ')}`)
  }
  return raw as LogLevel
}

/** LOG_FORMAT, else coloured text when the output is a terminal and JSON lines otherwise. */
function parseLogFormat(value: string | undefined, terminal: boolean): LogFormat {
  const raw = value?.trim()
  if (!raw) return terminal ? 'pretty' : 'json'
  if (!(LOG_FORMATS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_FORMAT "${raw}" is not one of ${LOG_FORMATS.join(', ')}`)
  }
  return raw as LogFormat
}

function parseSecret(value: string | undefined, requireIt: boolean, dataDir: string): string {
  const raw = value?.trim()
  if (requireIt && !raw) {
    throw new ConfigError(
      'PAYLOAD_SECRET is required when NODE_ENV=production (use a long random string, e.g. `openssl rand -hex 32`)',
    )
  }
  if (raw && raw.length < 16)
    throw new ConfigError('PAYLOAD_SECRET must be at least 16 characters long')
  return raw || readOrCreateSecret(dataDir)
}

export type ReadOptions = {
  /** Whether the log goes to a terminal (the default LOG_FORMAT follows it). */
  terminal?: boolean
  /**
   * Start-up (the default) refuses production without PAYLOAD_SECRET. payload.config.ts is also
   * imported by Next's build and routes, in a module graph of their own and after Next has set
   * NODE_ENV=production when it was unset, and by the Payload CLI: there the generated secret
   * stands in. The instance Next's routes use is start-up's, with start-up's configuration.
   */
  requireProductionSecret?: boolean
}

/**
 * Reads and checks every variable the application uses. Throws a ConfigError whose message is one
 * line an operator can act on. The result is frozen.
 */
export function readConfig(
  env: Env = process.env,
  { requireProductionSecret = true, terminal = Boolean(process.stdout.isTTY) }: ReadOptions = {},
): AppConfig {
  const nodeEnv = parseNodeEnv(env.NODE_ENV)
  const production = nodeEnv === 'production'
  const dataDir = dataDirOf(env.DATA_DIR)
  const mediaDir = mediaDirOf(env.MEDIA_DIR)
  const port = parsePort(env.PORT)
  const host = parseHost(env.HOST)
  const database = parseDatabaseUrl(env.DATABASE_URL, dataDir, env.DATABASE_POOL_SIZE)
  const logLevel = parseLogLevel(env.LOG_LEVEL)
  const logFormat = parseLogFormat(env.LOG_FORMAT, terminal)
  const demoPassword = env.DEMO_PASSWORD ?? 'demo-password'
  if (!production && demoPassword.length < 8) {
    throw new ConfigError('DEMO_PASSWORD must be at least 8 characters long')
  }
  const serverUrlFromEnv = Boolean(env.SERVER_URL?.trim())
  const serverUrl = parseServerUrl(env.SERVER_URL, { host, port })
  const trustProxy = parseTrustProxy(env.TRUST_PROXY)
  const shutdownDrainMs = parseShutdownDrainSeconds(env.SHUTDOWN_DRAIN_SECONDS) * 1000
  const renders = parseRenderConcurrency(env.RENDER_CONCURRENCY)
  const email = readEmailConfig(env)
  const akismet = readAkismetConfig(env, { production, serverUrl })
  const publicCache = readPublicCacheConfig(env)
  const redisUrl = parseRedisUrl(env.REDIS_URL)
  const invalidation = readSharedInvalidationConfig(env, database, redisUrl)
  const s3 = readS3StorageConfig(env)
  const jobs = readJobsConfig(env)
  // Last: the only step that may write (the generated secret), once everything else is valid.
  const secret = parseSecret(env.PAYLOAD_SECRET, production && requireProductionSecret, dataDir)
  return deepFreeze({
    production,
    nodeEnv,
    port,
    host,
    serverUrl,
    serverUrlFromEnv,
    trustedOrigins: trustedOrigins(serverUrl, { fromEnv: serverUrlFromEnv, port }),
    dataDir,
    mediaDir,
    s3,
    database,
    secret,
    demo: { password: demoPassword, passwordFromEnv: env.DEMO_PASSWORD !== undefined },
    trustProxy,
    renders,
    shutdownDrainMs,
    logLevel,
    logFormat,
    logColors: terminal,
    email,
    akismet,
    publicCache,
    redisUrl,
    invalidation,
    jobs,
  })
}

/**
 * For payload.config.ts and the backup commands: the same reading, without start-up's production
 * check (ReadOptions).
 */
export function readConfigForImport(): AppConfig {
  return readConfig(process.env, { requireProductionSecret: false })
}
