import { ConfigError } from './configError'

/** How long shared caches (a CDN, Varnish) may keep a public page, and serve it stale after. */
export type PublicCacheConfig = {
  /** PUBLIC_CACHE_SECONDS: `s-maxage`; 0 = shared caches must not store pages. */
  readonly sharedSeconds: number
  /** PUBLIC_STALE_SECONDS: `stale-while-revalidate`, serving a stale page while fetching anew. */
  readonly staleSeconds: number
}

const DAY = 86_400

function secondsSetting(name: string, value: string | undefined, fallback: number): number {
  const raw = value?.trim()
  if (!raw) return fallback
  const parsed = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(parsed) || parsed > DAY) {
    throw new ConfigError(`${name} "${value}" is not a number of seconds from 0 to ${DAY}`)
  }
  return parsed
}

export function readPublicCacheConfig(env: Record<string, string | undefined>): PublicCacheConfig {
  return {
    sharedSeconds: secondsSetting('PUBLIC_CACHE_SECONDS', env.PUBLIC_CACHE_SECONDS, 60),
    staleSeconds: secondsSetting('PUBLIC_STALE_SECONDS', env.PUBLIC_STALE_SECONDS, 300),
  }
}

/**
 * The Cache-Control of a public page: browsers ask again each time (max-age=0, answered with a
 * 304 when the ETag still matches); shared caches may keep it `sharedSeconds` and serve it stale
 * for `staleSeconds` while they fetch a fresh copy. Null when shared caching is off.
 */
export function publicCacheControl({ sharedSeconds, staleSeconds }: PublicCacheConfig) {
  if (sharedSeconds === 0) return null
  return `public, max-age=0, s-maxage=${sharedSeconds}, stale-while-revalidate=${staleSeconds}`
}
