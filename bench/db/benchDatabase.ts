import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import type { DatabaseKind } from '../options'
import { sleep } from '../proc'
import { connectPostgres, connectSqlite, type Sql } from './sql'

/** The database one benchmark run fills and measures, created for the run and dropped after. */
export type BenchDatabase = {
  kind: DatabaseKind
  /** What the report calls it (never a password). */
  label: string
  /** A temporary directory of the run: the app's DATA_DIR (SQLite file, generated secret). */
  dataDir: string
  /** Environment for the app: DATA_DIR, and DATABASE_URL for PostgreSQL. */
  appEnv: Record<string, string>
  connect: () => Promise<Sql>
  /** Drops the database and removes the directory (idempotent). */
  drop: () => Promise<void>
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

function redacted(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/**
 * SQLite: the file the app itself uses (DATA_DIR/payload.db) in a temporary directory.
 * PostgreSQL: a new database on the server of POSTGRES_URL (its role needs CREATEDB).
 */
export async function createBenchDatabase(
  kind: DatabaseKind,
  keep: boolean,
): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-blog-bench-'))
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true })
  let dropped = false

  if (kind === 'sqlite') {
    const file = path.join(dataDir, 'payload.db')
    return {
      kind,
      label: 'SQLite (WAL, file on local disk)',
      dataDir,
      appEnv: { DATA_DIR: dataDir },
      connect: () => connectSqlite(file),
      drop: async () => {
        if (dropped) return
        dropped = true
        if (keep) console.log(`Kept the SQLite database: ${file}`)
        else removeDir()
      },
    }
  }

  const serverUrl = process.env.POSTGRES_URL
  if (!serverUrl) {
    removeDir()
    throw new Error(
      '--database=postgres needs POSTGRES_URL, a server URL whose role has CREATEDB, e.g. ' +
        'postgres://user:password@127.0.0.1:5432/postgres',
    )
  }
  const name = `blog_bench_${randomBytes(5).toString('hex')}`
  const url = withDatabaseName(serverUrl, name)
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`)
  let serverVersion: string
  try {
    const probe = await connectPostgres(url)
    const [row] = await probe.query('SHOW server_version')
    serverVersion = String(row.server_version)
    await probe.close()
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    removeDir()
    throw error
  }
  return {
    kind,
    label: `PostgreSQL ${serverVersion} (${redacted(url)})`,
    dataDir,
    appEnv: { DATA_DIR: dataDir, DATABASE_URL: url },
    connect: () => connectPostgres(url),
    drop: async () => {
      if (dropped) return
      dropped = true
      removeDir()
      if (keep) {
        console.log(`Kept the PostgreSQL database: ${redacted(url)}`)
        return
      }
      // An autovacuum worker may still be on a database this young; give it a moment.
      for (let attempt = 1; ; attempt++) {
        try {
          await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
          return
        } catch (error) {
          if (attempt >= 10) throw error
          await sleep(500)
        }
      }
    },
  }
}
