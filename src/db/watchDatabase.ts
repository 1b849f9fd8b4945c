import type { Payload } from 'payload'

type EventSource = { on(event: 'error', listener: (error: Error) => void): unknown }

/**
 * PostgreSQL: a pooled connection that the server drops while it is idle (a restart, a network
 * cut) is reported on the pool's `error` event, which nobody listens to: Node then treats it as
 * an uncaught exception. Logged instead; the pool opens new connections when the server is back.
 */
export function watchDatabase(payload: Payload): void {
  const { pool } = payload.db as unknown as { pool?: EventSource }
  pool?.on('error', (error) => {
    payload.logger.warn({ err: { message: error.message } }, 'database connection lost')
  })
}
