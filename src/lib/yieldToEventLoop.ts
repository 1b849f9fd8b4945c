import { setImmediate } from 'node:timers/promises'

/**
 * Lets the event loop turn: other requests, timers and I/O run before the caller goes on. For a
 * loop over database batches: SQLite's driver is synchronous, so its queries are promises that are
 * already settled, and a loop of them (with a reader fast enough never to make a stream wait)
 * would otherwise run to its end without the server answering anyone else.
 */
export function yieldToEventLoop(): Promise<void> {
  return setImmediate()
}
