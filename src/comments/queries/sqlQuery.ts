import { sql as pgSql } from '@payloadcms/db-postgres'
import { sql as sqliteSql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

type Sql = typeof sqliteSql
type Drizzle = {
  all?: (query: unknown) => Promise<Record<string, unknown>[]>
  execute?: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }>
}

/**
 * Runs one SQL query on the SQL adapters (SQLite and PostgreSQL share the statements used here),
 * for the aggregates Payload's Local API has no operation for: counts grouped by post, positions
 * in a post's discussion. Null on MongoDB: callers fall back to the Local API there.
 */
export async function sqlRows(
  payload: Payload,
  build: (sql: Sql) => ReturnType<Sql>,
): Promise<Record<string, unknown>[] | null> {
  const db = payload.db as unknown as { name: string; drizzle: Drizzle }
  if (db.name === 'sqlite') return db.drizzle.all!(build(sqliteSql))
  if (db.name === 'postgres') return (await db.drizzle.execute!(build(pgSql as Sql))).rows
  return null
}
