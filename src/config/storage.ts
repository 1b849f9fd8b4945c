import { ConfigError } from './configError'

/**
 * Where uploads live when S3_BUCKET is set: a bucket on Amazon S3 or on any server that speaks
 * its API (MinIO, Ceph, Garage, R2...). Unset, they are files in MEDIA_DIR.
 */
export type S3StorageConfig = {
  readonly bucket: string
  readonly region: string
  /** S3_ENDPOINT for an S3-compatible server (origin only); null = Amazon S3 for the region. */
  readonly endpoint: string | null
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (what most servers need). */
  readonly forcePathStyle: boolean
  /** null: the AWS SDK's default credential chain (AWS_* variables, ~/.aws, an instance role). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | null
  /** Keys are `<prefix>/<filename>`; '' puts them at the bucket's top level. */
  readonly prefix: string
}

type Env = Record<string, string | undefined>

export const DEFAULT_S3_REGION = 'us-east-1'

/** Every S3_* variable, trimmed; blank is unset. */
function s3Settings(env: Env) {
  const settings = {
    S3_BUCKET: env.S3_BUCKET,
    S3_REGION: env.S3_REGION,
    S3_ENDPOINT: env.S3_ENDPOINT,
    S3_FORCE_PATH_STYLE: env.S3_FORCE_PATH_STYLE,
    S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY,
    S3_PREFIX: env.S3_PREFIX,
  }
  return Object.fromEntries(
    Object.entries(settings).map(([name, value]) => [name, value?.trim() || undefined]),
  ) as Record<keyof typeof settings, string | undefined>
}

type S3Settings = ReturnType<typeof s3Settings>

/** The rules S3 gives for new buckets: 3–63 lowercase letters, digits, dots and hyphens. */
function parseBucket(raw: string): string {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw) || raw.includes('..')) {
    throw new ConfigError(
      `S3_BUCKET "${raw}" is not a bucket name; use 3 to 63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit`,
    )
  }
  return raw
}

function parseRegion(value: string | undefined): string {
  if (!value) return DEFAULT_S3_REGION
  if (!/^[a-z0-9-]{1,64}$/.test(value)) {
    throw new ConfigError(
      `S3_REGION "${value}" is not a region name such as ${DEFAULT_S3_REGION} (lowercase letters, digits and "-")`,
    )
  }
  return value
}

/** An origin only: a path, credentials or a query in it would be silently ignored or misused. */
function parseEndpoint(value: string | undefined): string | null {
  if (!value) return null
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    url = null
  }
  if (url && (url.username || url.password)) {
    // Never echoed: the value holds a secret.
    throw new ConfigError(
      'S3_ENDPOINT contains a user name or password; put the keys in S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY instead',
    )
  }
  const usable =
    url &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    !url.search &&
    !url.hash &&
    url.pathname === '/'
  if (!url || !usable) {
    throw new ConfigError(
      `S3_ENDPOINT "${value}" is not usable; use the server's origin, an http(s) URL without a path, such as https://s3.example.gov or http://127.0.0.1:9000`,
    )
  }
  return url.origin
}

function parseForcePathStyle(value: string | undefined, endpoint: string | null): boolean {
  const raw = value?.toLowerCase()
  // S3-compatible servers rarely have a DNS name per bucket; Amazon S3 prefers them.
  if (!raw) return endpoint !== null
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  throw new ConfigError(`S3_FORCE_PATH_STYLE "${value}" is not accepted; use true, false, 1 or 0`)
}

function parseCredentials(settings: S3Settings): S3StorageConfig['credentials'] {
  const accessKeyId = settings.S3_ACCESS_KEY_ID
  const secretAccessKey = settings.S3_SECRET_ACCESS_KEY
  if (!accessKeyId && !secretAccessKey) return null
  if (!accessKeyId || !secretAccessKey) {
    const [set, unset] = accessKeyId
      ? ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']
      : ['S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID']
    throw new ConfigError(
      `${set} is set but ${unset} is not: set both, or neither to use the AWS SDK's default credentials`,
    )
  }
  return { accessKeyId, secretAccessKey }
}

/** Path segments of safe characters: never `.`/`..`, so no server can read it as a way out. */
function parsePrefix(value: string | undefined): string {
  const prefix = (value ?? '').replace(/^\/+|\/+$/g, '')
  if (!prefix) return ''
  const segments = prefix.split('/')
  if (segments.some((part) => !/^[A-Za-z0-9._-]+$/.test(part) || part === '.' || part === '..')) {
    throw new ConfigError(
      `S3_PREFIX "${value}" is not accepted; use folder names of letters, digits, ".", "_" and "-" separated by "/", such as blog/media`,
    )
  }
  return prefix
}

/**
 * Reads the S3_* variables once at start-up. Null when S3_BUCKET is unset: uploads are files in
 * MEDIA_DIR. Another S3_* variable without S3_BUCKET is refused rather than ignored, so a half
 * configuration never quietly writes to the local disk.
 */
export function readS3StorageConfig(env: Env): S3StorageConfig | null {
  const settings = s3Settings(env)
  const bucket = settings.S3_BUCKET
  if (!bucket) {
    const stray = Object.keys(settings).find((name) => settings[name as keyof S3Settings])
    if (stray) {
      throw new ConfigError(
        `${stray} is set but S3_BUCKET is not: set S3_BUCKET to keep uploads in S3, or unset the S3_* variables to keep them in MEDIA_DIR`,
      )
    }
    return null
  }
  const endpoint = parseEndpoint(settings.S3_ENDPOINT)
  return {
    bucket: parseBucket(bucket),
    region: parseRegion(settings.S3_REGION),
    endpoint,
    forcePathStyle: parseForcePathStyle(settings.S3_FORCE_PATH_STYLE, endpoint),
    credentials: parseCredentials(settings),
    prefix: parsePrefix(settings.S3_PREFIX),
  }
}
