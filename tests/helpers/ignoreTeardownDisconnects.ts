import type { Payload } from 'payload'

/** Postgres's code for "terminating connection due to administrator command". */
const ADMIN_SHUTDOWN = '57P01'

/**
 * Call before stop() on a suite that ran queries. Payload's destroy() leaves the Postgres pool
 * open (the adapter also keeps one client checked out, so the pool cannot be ended), and stop()
 * then drops the database WITH (FORCE): the pool's idle clients are terminated and emit 57P01
 * errors that nothing handles, which fails or hangs afterAll. Those are expected here; anything
 * else is still logged. Other adapters need nothing.
 */
export function ignoreTeardownDisconnects(payload: Payload): void {
  type Pool = { on(event: 'error', listener: (error: Error & { code?: string }) => void): void }
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  pool?.on('error', (error) => {
    if (error.code !== ADMIN_SHUTDOWN) payload.logger.error(error)
  })
}
