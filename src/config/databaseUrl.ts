import path from 'node:path'

import { ConfigError } from './configError'

export type DatabaseTarget =
  | { kind: 'sqlite'; url: string; file: string }
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'mongodb'; url: string }

export const ACCEPTED_DATABASE_URLS =
  'unset (SQLite file under data/), file:<path> (SQLite), postgres://... or postgresql://... (PostgreSQL), mongodb://... or mongodb+srv://... (MongoDB)'

/**
 * Decides which Payload database adapter DATABASE_URL asks for. Unset means the embedded SQLite
 * file in the data directory, so a fresh clone needs no database set-up.
 */
export const DEFAULT_POOL_SIZE = 10

function parsePoolSize(value: string | undefined): number {
  const raw = value?.trim()
  if (!raw) return DEFAULT_POOL_SIZE
  const size = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(size >= 1 && size <= 1000)) {
    throw new ConfigError(`DATABASE_POOL_SIZE "${raw}" is not a whole number from 1 to 1000`)
  }
  return size
}

export function parseDatabaseUrl(
  value: string | undefined,
  dataDir: string,
  poolSizeValue?: string,
): DatabaseTarget {
  const url = value?.trim()
  if (!url) {
    const file = path.join(dataDir, 'payload.db')
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return { kind: 'postgres', url, poolSize: parsePoolSize(poolSizeValue) }
  }
  if (/^mongodb(\+srv)?:\/\//i.test(url)) return { kind: 'mongodb', url }
  if (/^file:/i.test(url)) {
    const file = path.resolve(url.slice('file:'.length))
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  const scheme = url.includes('://') ? url.slice(0, url.indexOf('://') + 3) : url.slice(0, 20)
  throw new ConfigError(
    `DATABASE_URL "${scheme}..." is not supported; accepted forms: ${ACCEPTED_DATABASE_URLS}`,
  )
}
