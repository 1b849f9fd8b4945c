import net from 'node:net'

import { ConfigError } from './configError'

/** Express's "trust proxy" setting: off, on, a hop count, or the proxies' addresses. */
export type TrustProxy = boolean | number | string

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i

export function parsePort(value: string | undefined): number {
  const raw = value?.trim()
  if (!raw) return 3000
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT "${value}" is not a port number (0-65535)`)
  }
  return port
}

/** An IP address or a host name; whether this machine has it is learnt when the server binds. */
export function parseHost(value: string | undefined): string | undefined {
  const raw = value?.trim()
  if (!raw) return undefined
  const bare = raw.replace(/^\[(.*)\]$/, '$1')
  if (!net.isIP(bare) && !HOST_NAME.test(bare)) {
    throw new ConfigError(
      `HOST "${raw}" is not an IP address or host name (e.g. 127.0.0.1, ::1 or localhost)`,
    )
  }
  return bare
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true
  const [address, range, ...rest] = entry.split('/')
  const family = net.isIP(address)
  if (!family || rest.length) return false
  if (range === undefined) return true
  if (/^\d+$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128)
  // A netmask (255.255.255.0) instead of a prefix length, as Express also accepts.
  return family === 4 && net.isIPv4(range)
}

/**
 * TRUST_PROXY: unset or false (no proxy: the socket's address is the client's), true, a number
 * of hops, or a comma-separated list of proxy addresses, subnets, or loopback / linklocal /
 * uniquelocal, as Express's "trust proxy" takes them.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = value?.trim()
  if (!raw || raw === 'false') return false
  if (raw === 'true') return true
  if (/^\d+$/.test(raw)) return Number(raw)
  const entries = raw.split(',').map((entry) => entry.trim())
  const bad = entries.find((entry) => !isProxyAddress(entry))
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY entry "${bad}" is not accepted; use true, false, a number of hops, or a comma-separated list of proxy addresses, subnets (10.0.0.0/8), loopback, linklocal or uniquelocal`,
    )
  }
  return entries.join(', ')
}

function urlHost(host: string | undefined): string {
  if (!host || WILDCARD_HOSTS.has(host)) return 'localhost'
  return net.isIPv6(host) ? `[${host}]` : host
}

/**
 * SERVER_URL without its trailing slash, else http://HOST:PORT (localhost when HOST is unset or a
 * wildcard): the address start-up prints, so the default works for the person who follows it.
 */
export function parseServerUrl(
  value: string | undefined,
  { host, port }: { host: string | undefined; port: number },
): string {
  const raw = value?.trim()
  if (!raw) return `http://${urlHost(host)}:${port}`
  const url = URL.canParse(raw) ? new URL(raw) : null
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new ConfigError(`SERVER_URL "${raw}" is not an absolute http(s) URL`)
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `SERVER_URL "${raw}" must be a base URL, without query, fragment or credentials`,
    )
  }
  return raw.replace(/\/+$/, '')
}

/**
 * The origins whose requests may carry a staff session cookie: the site's own, and with the
 * default server URL the other names of the loopback interface on the same port, so that
 * http://127.0.0.1:3000 works as well as http://localhost:3000. Never empty: an empty list makes
 * Payload honour the cookie from any origin.
 */
export function trustedOrigins(
  serverUrl: string,
  { fromEnv, port }: { fromEnv: boolean; port: number },
): string[] {
  const origins = [new URL(serverUrl).origin]
  if (!fromEnv) {
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      const origin = `http://${host}:${port}`
      if (!origins.includes(origin)) origins.push(origin)
    }
  }
  return origins
}

/**
 * SHUTDOWN_DRAIN_SECONDS: on SIGTERM, how long the server keeps serving while its health check
 * answers 503, so a load balancer takes it out before it stops accepting connections. 0 (the
 * default, one instance) closes at once; behind a load balancer, a little more than the time it
 * takes to mark a server down (HAProxy: `inter` x `fall`).
 */
export function parseShutdownDrainSeconds(value: string | undefined): number {
  const raw = value?.trim()
  if (!raw) return 0
  const seconds = /^\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : NaN
  if (!(seconds >= 0 && seconds <= 300)) {
    throw new ConfigError(
      `SHUTDOWN_DRAIN_SECONDS "${value}" is not a number of seconds from 0 to 300`,
    )
  }
  return seconds
}

/** RENDER_CONCURRENCY's default: enough to keep one Node thread busy while renders wait on the database. */
export const DEFAULT_RENDER_CONCURRENCY = 8

/**
 * RENDER_CONCURRENCY: page renders one instance runs at once (1 to 256); up to 32 times as many
 * wait for a turn, and further ones are answered 503 (src/server/renderLimit.ts).
 */
export function parseRenderConcurrency(value: string | undefined): {
  concurrent: number
  waiting: number
} {
  const raw = value?.trim()
  const concurrent = raw ? (/^\d+$/.test(raw) ? Number(raw) : NaN) : DEFAULT_RENDER_CONCURRENCY
  if (!(concurrent >= 1 && concurrent <= 256)) {
    throw new ConfigError(`RENDER_CONCURRENCY "${value}" is not a whole number from 1 to 256`)
  }
  return { concurrent, waiting: concurrent * 32 }
}
