import { processWide } from '@/processWide'

/**
 * Whether this process runs queued jobs on the autoRun schedule.
 *
 * Payload starts its job crons in any process that handles a request through its REST handler
 * (createPayloadRequest calls getPayload with `cron: true`), tests and scripts included. Left
 * alone, a test process would then send moderator emails and run rechecks on its own schedule,
 * behind the tests' backs. Only the server (src/start.ts) turns the runner on.
 *
 * Process-wide: Next's bundle and the server each load this module.
 */
const runner = processWide('runsQueuedJobs', () => ({ on: false }))

export function runQueuedJobsInThisProcess(on = true): void {
  runner.on = on
}

export function runsQueuedJobs(): boolean {
  return runner.on
}
