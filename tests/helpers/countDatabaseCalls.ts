import type { Payload } from 'payload'

const READS = [
  'find',
  'findOne',
  'findGlobal',
  'findVersions',
  'findGlobalVersions',
  'queryDrafts',
  'count',
  'countVersions',
  'findDistinct',
] as const

/**
 * Counts calls to the database adapter's read operations (each one at least one query) until
 * `stop()`. Adapter-level, so it means the same on SQLite, Postgres and MongoDB.
 */
export function countDatabaseCalls(payload: Payload): { calls: () => number; stop: () => void } {
  let calls = 0
  const db = payload.db as unknown as Record<string, unknown>
  const originals = new Map<string, unknown>()
  for (const name of READS) {
    const original = db[name]
    if (typeof original !== 'function') continue
    originals.set(name, original)
    db[name] = function (this: unknown, ...args: unknown[]) {
      calls++
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    }
  }
  return {
    calls: () => calls,
    stop: () => {
      for (const [name, original] of originals) db[name] = original
    },
  }
}
