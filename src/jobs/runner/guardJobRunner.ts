import type { Payload } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

import { installAtomicJobClaims } from './atomicJobClaims'
import { installScheduleLock } from './scheduleOnce'

/**
 * Makes Payload's job runner safe with several runners on one database (the server with JOBS=on,
 * workers): each job claimed by one runner only, each scheduled slot queued once. Installed on
 * every instance (onInit), so whoever runs jobs (a cron, the admin's run endpoint) claims them
 * the same way. See docs/job-worker.md.
 */
export function guardJobRunner(payload: Payload): void {
  runtimeOf(payload).jobs.claims = installAtomicJobClaims(payload)
  installScheduleLock(payload)
}
