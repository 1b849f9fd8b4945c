import type { Migration, Payload } from 'payload'

import type { DatabaseTarget } from '@/config/databaseUrl'
import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'

/**
 * Applies the committed migrations for the active adapter (those not yet recorded in the
 * database). Imported statically, so the same list runs under tsx, Jest and a production build.
 * MongoDB has no SQL schema to migrate.
 */
export async function applyMigrations(
  payload: Payload,
  kind: DatabaseTarget['kind'],
): Promise<void> {
  if (kind === 'mongodb') return
  const migrations = kind === 'postgres' ? postgresMigrations : sqliteMigrations
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
