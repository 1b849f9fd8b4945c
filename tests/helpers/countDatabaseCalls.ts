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

/** Raw SQL the application runs itself (src/comments/queries/sqlQuery.ts). */
const RAW_SQL = ['all', 'execute'] as const

/**
 * Counts calls to the database adapter's read operations (each one at least one query), and the
 * raw SQL queries the application runs, until `stop()`. Adapter-level, so it means the same on
 * SQLite, Postgres and MongoDB.
 */
export function countDatabaseCalls(payload: Payload): {
  calls: () => number
  /** Documents the `find` calls returned, in all and at most in one call. */
  documents: () => number
  largestFind: () => number
  stop: () => void
} {
  let calls = 0
  let documents = 0
  let largestFind = 0
  const db = payload.db as unknown as Record<string, unknown>
  const originals = new Map<string, unknown>()
  for (const name of READS) {
    const original = db[name]
    if (typeof original !== 'function') continue
    originals.set(name, original)
    db[name] = async function (this: unknown, ...args: unknown[]) {
      calls++
      const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args)
      const docs = (result as { docs?: unknown[] } | null)?.docs
      if (name === 'find' && Array.isArray(docs)) {
        documents += docs.length
        largestFind = Math.max(largestFind, docs.length)
      }
      return result
    }
  }
  const drizzle = db.drizzle as Record<string, unknown> | undefined
  const rawOriginals = new Map<string, unknown>()
  for (const name of drizzle ? RAW_SQL : []) {
    const original = drizzle![name]
    if (typeof original !== 'function') continue
    rawOriginals.set(name, original)
    drizzle![name] = function (this: unknown, ...args: unknown[]) {
      calls++
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    }
  }
  return {
    calls: () => calls,
    documents: () => documents,
    largestFind: () => largestFind,
    stop: () => {
      for (const [name, original] of originals) db[name] = original
      for (const [name, original] of rawOriginals) drizzle![name] = original
    },
  }
}
