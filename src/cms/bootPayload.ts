import { getPayload, type Payload } from 'payload'

import type { AppConfig } from '@/config/appConfig'
import { closeDatabase } from '@/db/closeDatabase'
import { applyMigrations, underStartupLock } from '@/db/migrations'
import { exitWithMessage as fail } from '@/lib/exitWithMessage'
import { createRuntime, runtimeOf, type Runtime } from '@/runtime/runtime'

import { createPayloadConfig } from './payloadConfig'

export type BootOptions = {
  /** Who is starting, for the line that stops it: "Start-up", "Worker", "Import". */
  role: string
  /** Whether this process runs the queued jobs (Payload's crons start once the tables exist). */
  runJobs: boolean
  /** Payload's instance cache key: several instances in one process (the tests' "instances"). */
  key?: string
  /** Only warnings and errors from Payload's log, when the process's own output is the point. */
  quiet?: boolean
}

export type Booted = { payload: Payload; runtime: Runtime }

async function isEmptyDatabase(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  return totalDocs === 0
}

/**
 * Payload as every long-running process starts it (the server, the job worker, the WordPress
 * import): the runtime from the configuration, the committed migrations (one process at a time:
 * underStartupLock), then the job crons when this process runs jobs. A migration that fails ends
 * the process with one line (the error is logged above it).
 *
 * Import this module dynamically, after the configuration is read (see src/start.ts).
 */
export async function bootPayload(config: AppConfig, options: BootOptions): Promise<Booted> {
  const runtime = createRuntime(config)
  const payloadConfig = createPayloadConfig(config, runtime)
  const payload = await getPayload({ config: payloadConfig, key: options.key })
  if (options.quiet && payload.logger.level === 'info') payload.logger.level = 'warn'
  try {
    await applyMigrations(payload, config.database.kind)
  } catch (error) {
    payload.logger.error({ err: error }, 'database migration failed')
    fail(`${options.role} stopped: the database could not be migrated (see the error above).`)
  }
  if (options.runJobs) {
    runtime.jobs.runHere = true
    await getPayload({ config: payloadConfig, cron: true, key: options.key })
  }
  return { payload, runtime }
}

/**
 * `seed` (the demo content) when the database holds no staff account yet, under the start-up
 * lock: of several instances starting together on an empty PostgreSQL database, one seeds and
 * the others then find it done. True when this process seeded.
 */
export async function seedEmptyDatabase(
  payload: Payload,
  seed: (payload: Payload) => Promise<void>,
): Promise<boolean> {
  const { kind } = runtimeOf(payload).config.database
  return underStartupLock(payload, kind, async () => {
    if (!(await isEmptyDatabase(payload))) return false
    await seed(payload)
    return true
  })
}

/**
 * SIGTERM and SIGINT: `stop` (stop serving, let the work in hand finish), then the database
 * closes, the log is flushed and the process exits 0 (1 when stopping failed).
 */
export function exitOnSignals(
  payload: Payload,
  stop: (signal: NodeJS.Signals) => Promise<void>,
  goodbye: string,
): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stop(signal)
        .then(() => closeDatabase(payload))
        .then(() => payload.logger.info(goodbye))
        // The log is written asynchronously: let it reach its destination before exiting.
        .then(() => new Promise<void>((resolve) => payload.logger.flush(() => resolve())))
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          console.error(error)
          process.exit(1)
        })
    })
  }
}
