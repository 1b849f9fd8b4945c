import { ConfigError } from './configError'

export type AkismetConfig = {
  apiKey: string
  /** The `blog` field: the site's front page, a full http(s) URL. */
  siteUrl: string
  /**
   * Base URL of the REST API including its version path, without a trailing slash
   * (`https://rest.akismet.com/1.1`); the wrapper appends `/comment-check` and the like.
   */
  apiUrl: string
  timeoutMs: number
  /** Sends `is_test`, so Akismet does not learn from our calls. */
  testMode: boolean
  /** A failed check is tried again this long after the last attempt. */
  retryIntervalMs: number
  /** ...until this long after the comment was submitted; then moderators decide alone. */
  giveUpAfterMs: number
}

export const DEFAULT_AKISMET_API_URL = 'https://rest.akismet.com/1.1'
export const DEFAULT_AKISMET_TIMEOUT_MS = 5000
const MIN_TIMEOUT_MS = 100
const MAX_TIMEOUT_MS = 60_000

export const DEFAULT_RETRY_MINUTES = 20
export const DEFAULT_GIVE_UP_DAYS = 15

type Env = Record<string, string | undefined>

function parsePositiveNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  max: number,
) {
  const raw = value?.trim()
  if (!raw) return fallback
  const n = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN
  if (!(n > 0 && n <= max)) {
    throw new ConfigError(
      `${name} "${raw}" is not accepted; use a number above 0 and at most ${max}`,
    )
  }
  return n
}

function absoluteHttpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

function parseApiKey(value: string): string {
  // Keys are short alphanumeric strings; anything else is a paste accident (quotes, spaces).
  // The value itself is a secret, so the message never repeats it.
  if (!/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new ConfigError(
      'AKISMET_API_KEY contains characters an Akismet key never has; accepted: letters, digits, "-" and "_"',
    )
  }
  return value
}

function parseSiteUrl(value: string | undefined, serverUrl: string): string {
  const name = value?.trim() ? 'AKISMET_SITE_URL' : 'SERVER_URL (the default of AKISMET_SITE_URL)'
  const raw = value?.trim() || serverUrl
  if (!absoluteHttpUrl(raw)) {
    throw new ConfigError(
      `${name} "${raw}" is not an absolute http(s) URL such as https://blog.example.gov`,
    )
  }
  return raw
}

/**
 * The base must name the API version itself (`…/1.1`): that keeps the rule one sentence long and
 * lets a proxy or a test server mount the API under any path.
 */
function parseApiUrl(value: string | undefined): string {
  const raw = value?.trim() || DEFAULT_AKISMET_API_URL
  const accepted = `accepted: an absolute http(s) URL ending in the API version path, such as ${DEFAULT_AKISMET_API_URL}`
  const url = absoluteHttpUrl(raw)
  if (!url || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`AKISMET_API_URL "${raw}" is not usable; ${accepted}`)
  }
  const path = url.pathname.replace(/\/+$/, '')
  if (path === '') {
    throw new ConfigError(`AKISMET_API_URL "${raw}" has no version path; ${accepted}`)
  }
  return `${url.protocol}//${url.host}${path}`
}

function parseTimeout(value: string | undefined): number {
  const raw = value?.trim()
  if (!raw) return DEFAULT_AKISMET_TIMEOUT_MS
  const ms = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(ms >= MIN_TIMEOUT_MS && ms <= MAX_TIMEOUT_MS)) {
    throw new ConfigError(
      `AKISMET_TIMEOUT_MS "${raw}" is not accepted; use a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}`,
    )
  }
  return ms
}

function parseTestMode(value: string | undefined, production: boolean): boolean {
  const raw = value?.trim().toLowerCase()
  if (!raw) return !production
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  throw new ConfigError(`AKISMET_TEST_MODE "${value}" is not accepted; use true, false, 1 or 0`)
}

/**
 * Reads the Akismet settings once at start-up. Returns null when AKISMET_API_KEY is unset: spam
 * checking is then off. The other variables are checked even then, so a typo fails start-up
 * instead of surfacing the day the key is added.
 */
export function readAkismetConfig(
  env: Env,
  opts: { production: boolean; serverUrl: string },
): AkismetConfig | null {
  const siteUrl = parseSiteUrl(env.AKISMET_SITE_URL, opts.serverUrl)
  const apiUrl = parseApiUrl(env.AKISMET_API_URL)
  const timeoutMs = parseTimeout(env.AKISMET_TIMEOUT_MS)
  const testMode = parseTestMode(env.AKISMET_TEST_MODE, opts.production)
  const retryMinutes = parsePositiveNumber(
    'AKISMET_RETRY_MINUTES',
    env.AKISMET_RETRY_MINUTES,
    DEFAULT_RETRY_MINUTES,
    24 * 60,
  )
  const giveUpDays = parsePositiveNumber(
    'AKISMET_GIVE_UP_DAYS',
    env.AKISMET_GIVE_UP_DAYS,
    DEFAULT_GIVE_UP_DAYS,
    365,
  )
  const key = env.AKISMET_API_KEY?.trim()
  if (!key) return null
  return {
    apiKey: parseApiKey(key),
    siteUrl,
    apiUrl,
    timeoutMs,
    testMode,
    retryIntervalMs: retryMinutes * 60_000,
    giveUpAfterMs: giveUpDays * 24 * 60 * 60_000,
  }
}
