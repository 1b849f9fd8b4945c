import { ConfigError } from './configError'
import type { DatabaseTarget } from './databaseUrl'

/** Where a change made on one instance is announced to the others. */
export type InvalidationBusTarget =
  | { readonly kind: 'in-process' }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'redis'; readonly url: string }

export type SharedInvalidationConfig = {
  /** INVALIDATION_BUS (auto by default: Redis, else PostgreSQL, else this process only). */
  readonly bus: InvalidationBusTarget
  /** CDN_PURGE_URL: the shared caches in front, told to drop public pages after a change. */
  readonly purgeUrls: readonly string[]
}

const BUS_KINDS = ['auto', 'in-process', 'postgres', 'redis'] as const

function parseBus(
  value: string | undefined,
  database: DatabaseTarget,
  redisUrl: string | null,
): InvalidationBusTarget {
  const raw = value?.trim() || 'auto'
  if (!(BUS_KINDS as readonly string[]).includes(raw)) {
    throw new ConfigError(`INVALIDATION_BUS "${raw}" is not one of ${BUS_KINDS.join(', ')}`)
  }
  if (raw === 'redis' || (raw === 'auto' && redisUrl)) {
    if (!redisUrl) throw new ConfigError('INVALIDATION_BUS=redis needs REDIS_URL')
    return { kind: 'redis', url: redisUrl }
  }
  if (raw === 'postgres' || (raw === 'auto' && database.kind === 'postgres')) {
    if (database.kind !== 'postgres') {
      throw new ConfigError('INVALIDATION_BUS=postgres needs a postgres:// DATABASE_URL')
    }
    return { kind: 'postgres', url: database.url }
  }
  return { kind: 'in-process' }
}

function parsePurgeUrls(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length > 10) throw new ConfigError('CDN_PURGE_URL lists more than 10 URLs')
  return entries.map((entry) => {
    let url: URL | null = null
    try {
      url = new URL(entry)
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ConfigError(
        `CDN_PURGE_URL "${entry}" is not an http(s) URL; list the purge endpoints, comma-separated (http://127.0.0.1:6081/)`,
      )
    }
    return url.toString()
  })
}

/** INVALIDATION_BUS, REDIS_URL (read by the caller) and CDN_PURGE_URL. */
export function readSharedInvalidationConfig(
  env: Record<string, string | undefined>,
  database: DatabaseTarget,
  redisUrl: string | null,
): SharedInvalidationConfig {
  return {
    bus: parseBus(env.INVALIDATION_BUS, database, redisUrl),
    purgeUrls: parsePurgeUrls(env.CDN_PURGE_URL),
  }
}
