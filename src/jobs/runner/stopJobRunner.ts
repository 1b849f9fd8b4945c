import type { Payload } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

/** Longer than any of our tasks takes, shorter than a service manager's kill timeout (30 s). */
export const STOP_GRACE_MS = 20_000
const POLL_MS = 100

/**
 * Stops the job crons and waits for the run in progress to finish, at most `graceMs`. Jobs
 * still running then are handed back to the queue, so another worker runs them at once rather
 * than after the lease; a task cut short runs again from its start. Returns what it did.
 */
export async function stopJobRunner(
  payload: Payload,
  graceMs = STOP_GRACE_MS,
): Promise<{ finished: boolean; released: number }> {
  for (const cron of payload.crons) cron.stop()
  const deadline = Date.now() + graceMs
  while (payload.crons.some((cron) => cron.isBusy()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  const claims = runtimeOf(payload).jobs.claims
  const held = claims?.held() ?? []
  if (held.length > 0) await claims?.releaseHeld()
  return { finished: held.length === 0, released: held.length }
}
