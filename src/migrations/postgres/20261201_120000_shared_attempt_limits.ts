import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written, kept apart from the generated schema migrations: the attempt windows every
 * instance counts sign-ins, password resets and the comment flood interval in
 * (src/runtime/sqlAttemptStore.ts). Payload's schema snapshots do not know this table, so later
 * generated migrations leave it alone. Times are milliseconds since the epoch.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS attempt_windows (
    key text PRIMARY KEY,
    count integer NOT NULL,
    expires_at bigint NOT NULL
  )`)
  await db.execute(
    sql`CREATE INDEX IF NOT EXISTS attempt_windows_expires_at_idx ON attempt_windows (expires_at)`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS attempt_windows`)
}
