import { sql as pgSql } from '@payloadcms/db-postgres'
import { sql as sqliteSql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

/** Drizzle's `sql` tag; the SQLite and PostgreSQL ones build the same objects. */
export type Sql = typeof sqliteSql
export type SQL = ReturnType<Sql>
export type Rows = Record<string, unknown>[]

/** A connection (or the request's transaction) that runs raw SQL. */
export type SqlSession = {
  readonly sql: Sql
  rows(query: SQL): Promise<Rows>
  run(query: SQL): Promise<void>
}

type Drizzle = {
  all?: (query: SQL) => Promise<Rows>
  run?: (query: SQL) => Promise<unknown>
  execute?: (query: SQL) => Promise<{ rows: Rows }>
}

/** A drizzle handle (the adapter's, a transaction's, a migration's `db`) as a session. */
export function sqlSessionFor(dialect: 'sqlite' | 'postgres', db: unknown): SqlSession {
  const drizzle = db as Drizzle
  if (dialect === 'sqlite') {
    return {
      sql: sqliteSql,
      rows: (query) => drizzle.all!(query),
      run: async (query) => void (await drizzle.run!(query)),
    }
  }
  return {
    sql: pgSql as unknown as Sql,
    rows: async (query) => (await drizzle.execute!(query)).rows,
    run: async (query) => void (await drizzle.execute!(query)),
  }
}

type SqlAdapter = {
  name: string
  drizzle: unknown
  sessions?: Record<string | number, { db: unknown } | undefined>
}

/**
 * The request's open transaction when it has one, so an index write commits or rolls back with
 * the post it describes (and, on SQLite, does not wait behind that transaction's write lock);
 * the adapter's own connection otherwise.
 */
export async function sqlSessionOf(
  dialect: 'sqlite' | 'postgres',
  payload: Payload,
  req?: Pick<PayloadRequest, 'transactionID'>,
): Promise<SqlSession> {
  const adapter = payload.db as unknown as SqlAdapter
  const transaction = req?.transactionID ? await req.transactionID : undefined
  const db = (transaction !== undefined && adapter.sessions?.[transaction]?.db) || adapter.drizzle
  return sqlSessionFor(dialect, db)
}
