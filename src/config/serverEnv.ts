import { readEmailConfig, type EmailConfig } from '@/email/emailConfig'
import { readAkismetConfig, type AkismetConfig } from '@/spam/akismetConfig'

import { ConfigError, parseDatabaseUrl, type DatabaseTarget } from './databaseUrl'
import { dataDir } from './dataDir'
import { readOrCreateSecret } from './secret'

export type ServerEnv = {
  /** NODE_ENV=production as the operator set it: a real deployment, no demo content. */
  production: boolean
  port: number
  host: string | undefined
  serverUrl: string
  dataDir: string
  database: DatabaseTarget
  secret: string
  demoPassword: string
  trustProxy: boolean | number | string
  logLevel: string
  /** SMTP_URL and MAIL_FROM (payload.config.ts builds the email adapter from the same values). */
  email: EmailConfig
  /** The AKISMET_* variables; null when AKISMET_API_KEY is unset (spam checking off). */
  akismet: AkismetConfig | null
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT "${value}" is not a port number (0-65535)`)
  }
  return port
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value.trim() === '') return false
  const trimmed = value.trim()
  if (trimmed === 'true') return true
  if (trimmed === 'false') return false
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  return trimmed
}

function parseServerUrl(value: string | undefined, port: number): string {
  const raw = value?.trim() || `http://localhost:${port}`
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`SERVER_URL "${raw}" is not an absolute http(s) URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`SERVER_URL "${raw}" is not an absolute http(s) URL`)
  }
  return raw.replace(/\/+$/, '')
}

/**
 * Reads and checks every variable the server uses, once, before anything starts. Throws a
 * ConfigError whose message is one line an operator can act on.
 */
export type Env = Record<string, string | undefined>

export function readServerEnv(env: Env = process.env): ServerEnv {
  const production = env.NODE_ENV === 'production'
  const dir = dataDir(env)
  const port = parsePort(env.PORT)
  const database = parseDatabaseUrl(env.DATABASE_URL, dir)
  const secretFromEnv = env.PAYLOAD_SECRET?.trim()
  if (production && !secretFromEnv) {
    throw new ConfigError(
      'PAYLOAD_SECRET is required when NODE_ENV=production (use a long random string, e.g. `openssl rand -hex 32`)',
    )
  }
  if (secretFromEnv !== undefined && secretFromEnv.length > 0 && secretFromEnv.length < 16) {
    throw new ConfigError('PAYLOAD_SECRET must be at least 16 characters long')
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info'
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`)
  }
  const demoPassword = env.DEMO_PASSWORD ?? 'demo-password'
  if (!production && demoPassword.length < 8) {
    throw new ConfigError('DEMO_PASSWORD must be at least 8 characters long')
  }
  const serverUrl = parseServerUrl(env.SERVER_URL, port)
  return {
    production,
    port,
    host: env.HOST?.trim() || undefined,
    serverUrl,
    dataDir: dir,
    database,
    secret: secretFromEnv || readOrCreateSecret(dir),
    demoPassword,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel,
    email: readEmailConfig(env),
    akismet: readAkismetConfig(env, { production, serverUrl }),
  }
}
