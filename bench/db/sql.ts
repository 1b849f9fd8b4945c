import { createClient, type InValue } from '@libsql/client'
import pg from 'pg'

export type Dialect = 'sqlite' | 'postgres'
export type Row = Record<string, unknown>
/** Runs one statement; `?` marks each parameter in both dialects. */
export type Execute = (text: string, params?: unknown[]) => Promise<Row[]>

/** The little raw SQL the benchmark needs, the same for SQLite and PostgreSQL. */
export type Sql = {
  dialect: Dialect
  query: Execute
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction: (work: (execute: Execute) => Promise<void>) => Promise<void>
  close: () => Promise<void>
}

/** `?` to `$1, $2...`; the benchmark's SQL never has a question mark inside a literal. */
const numbered = (text: string) => {
  let n = 0
  return text.replace(/\?/g, () => `$${++n}`)
}

export async function connectPostgres(url: string): Promise<Sql> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const query: Execute = async (text, params = []) =>
    (await client.query(numbered(text), params)).rows as Row[]
  return {
    dialect: 'postgres',
    query,
    transaction: async (work) => {
      await client.query('BEGIN')
      try {
        await work(query)
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
    },
    close: () => client.end(),
  }
}

const sqliteValue = (value: unknown): InValue =>
  value === undefined
    ? null
    : typeof value === 'boolean'
      ? Number(value)
      : typeof value === 'object' && value !== null && !(value instanceof Uint8Array)
        ? value instanceof Date
          ? value.toISOString()
          : JSON.stringify(value)
        : (value as InValue)

/** The app's own SQLite file, through the client Payload's SQLite adapter uses (libsql). */
export async function connectSqlite(file: string): Promise<Sql> {
  const client = createClient({ url: `file:${file}` })
  await client.execute('PRAGMA busy_timeout = 10000')
  const toRows = (rs: { rows: unknown[]; columns: string[] }) =>
    rs.rows.map((row) => {
      const values = row as unknown as unknown[]
      return Object.fromEntries(rs.columns.map((name, i) => [name, values[i]]))
    })
  return {
    dialect: 'sqlite',
    query: async (text, params = []) =>
      toRows(await client.execute({ sql: text, args: params.map(sqliteValue) })),
    transaction: async (work) => {
      const tx = await client.transaction('write')
      try {
        await work(async (text, params = []) =>
          toRows(await tx.execute({ sql: text, args: params.map(sqliteValue) })),
        )
        await tx.commit()
      } catch (error) {
        await tx.rollback()
        throw error
      } finally {
        tx.close()
      }
    },
    close: async () => client.close(),
  }
}
