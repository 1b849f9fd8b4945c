import pg from 'pg'
import type { Migration, Payload } from 'payload'

import type { DatabaseTarget } from '@/config/databaseUrl'
import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'
import { runtimeOf } from '@/runtime/runtime'

import { MIGRATIONS_LOCK } from './advisoryLocks'
import { refreshPlannerStatistics } from './plannerStatistics'

/**
 * Applies the committed migrations for the active adapter (those not yet recorded in the
 * database). Imported statically, so the same list runs under tsx, Jest and a production build.
 * MongoDB has no SQL schema to migrate. Several processes starting together take turns:
 * applyMigrations.
 */
async function runMigrations(payload: Payload, kind: DatabaseTarget['kind']): Promise<void> {
  if (kind === 'mongodb') return
  await payload.db.migrate({
    migrations: (kind === 'postgres'
      ? postgresMigrations
      : sqliteMigrations) as unknown as Migration[],
  })
}

/**
 * Runs the start-up work (migrating, and seeding an empty database) in one process at a time.
 * On PostgreSQL several instances may start at once (a deploy, the worker beside the web
 * instances): each holds a session-level advisory lock on a connection of its own meanwhile, so
 * one works and the others wait, then find nothing left to do. The lock dies with the connection
 * if that instance does. SQLite has one process; MongoDB has no migrations, and no lock here.
 */
export async function underStartupLock<T>(
  payload: Payload,
  kind: DatabaseTarget['kind'],
  work: () => Promise<T>,
): Promise<T> {
  if (kind !== 'postgres') return work()
  const { database } = runtimeOf(payload).config
  const lock = new pg.Client({ connectionString: database.url })
  await lock.connect()
  try {
    const { rows } = await lock.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${MIGRATIONS_LOCK}) AS locked`,
    )
    if (!rows[0].locked) {
      payload.logger.info('another instance is migrating the database: waiting for it')
      await lock.query(`SELECT pg_advisory_lock(${MIGRATIONS_LOCK})`)
    }
    return await work()
  } finally {
    // Ending the session releases its advisory lock.
    await lock.end()
  }
}

/**
 * The committed migrations, then fresh planner statistics (SQLite), one process at a time
 * (underStartupLock).
 */
export async function applyMigrations(
  payload: Payload,
  kind: DatabaseTarget['kind'],
): Promise<void> {
  await underStartupLock(payload, kind, async () => {
    await runMigrations(payload, kind)
    await refreshPlannerStatistics(payload, kind)
  })
}
