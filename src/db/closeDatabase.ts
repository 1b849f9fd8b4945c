import type { Payload } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

type PgClient = { release?: (destroy?: boolean) => void }
type SqlAdapterHandles = {
  pool?: {
    end(): Promise<void>
    ended?: boolean
    _clients?: PgClient[]
    _idle?: { client: PgClient }[]
  }
  client?: { close(): void; closed?: boolean }
}

const POOL_END_GRACE_MS = 1000

/**
 * Closes Payload, its database connections and the invalidation bus's. payload.destroy() alone leaves the Postgres pool
 * and the SQLite client open (MongoDB's adapter closes its own connection), which keeps the
 * process alive after SIGTERM. A Postgres client Payload never released (its migration runner
 * keeps one checked out) would make pool.end() wait forever, so after a grace period it is
 * released and destroyed.
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  const { pool, client } = payload.db as unknown as SqlAdapterHandles
  // The invalidation bus's own connections (PostgreSQL LISTEN, Redis) first: nothing to hear now.
  await runtimeOf(payload).invalidation.close()
  await payload.destroy()
  if (pool && !pool.ended) {
    const ended = pool.end()
    let timer: NodeJS.Timeout | undefined
    const grace = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), POOL_END_GRACE_MS)
    })
    if ((await Promise.race([ended, grace])) === 'timeout') {
      const idle = new Set((pool._idle ?? []).map((entry) => entry.client))
      for (const checkedOut of (pool._clients ?? []).filter((c) => !idle.has(c))) {
        checkedOut.release?.(true)
      }
      await ended
    }
    clearTimeout(timer)
  }
  if (client && !client.closed) client.close()
}
