import { ConfigError } from './configError'

/**
 * REDIS_URL: a Redis server the instances share (redis://, or rediss:// for TLS), or null when
 * unset. Never logged: it may carry a password.
 */
export function parseRedisUrl(value: string | undefined): string | null {
  const raw = value?.trim()
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('REDIS_URL is not a URL; use redis://host:6379 (or rediss:// for TLS)')
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, not ${url.protocol}//`)
  }
  if (!url.hostname) throw new ConfigError('REDIS_URL names no host; use redis://host:6379')
  return raw
}
