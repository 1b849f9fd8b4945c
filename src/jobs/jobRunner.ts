/**
 * Whether this process runs queued jobs on the autoRun schedule.
 *
 * Payload starts its job crons in any process that handles a request through its REST handler
 * (createPayloadRequest calls getPayload with `cron: true`), tests and scripts included. Left
 * alone, a test process would then send moderator emails and run rechecks on its own schedule,
 * behind the tests' backs. Only the server (src/start.ts) turns the runner on.
 *
 * Held on globalThis: Next's bundle and the server each load their own copy of this module.
 */
const KEY = Symbol.for('agency-blog.runsQueuedJobs')
const holder = globalThis as typeof globalThis & { [KEY]?: boolean }

export function runQueuedJobsInThisProcess(on = true): void {
  holder[KEY] = on
}

export function runsQueuedJobs(): boolean {
  return holder[KEY] === true
}
