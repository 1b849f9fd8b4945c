import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

/** Which database the integration suite runs against: set by scripts/test.mjs per run. */
export type TestDatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.TEST_DATABASE ?? 'sqlite'
  if (kind !== 'sqlite' && kind !== 'postgres' && kind !== 'mongodb') {
    throw new Error(`TEST_DATABASE must be sqlite, postgres or mongodb, not "${kind}"`)
  }
  return kind
}

export type TestDatabase = {
  kind: TestDatabaseKind
  /** Environment for the app: DATABASE_URL, DATA_DIR and MEDIA_DIR (uploads, inside DATA_DIR). */
  env: { DATABASE_URL?: string; DATA_DIR: string; MEDIA_DIR: string }
  drop: () => Promise<void>
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

/**
 * A database of its own for one test file, so files run in parallel without seeing each other's
 * data: a temporary SQLite file, a new Postgres database on POSTGRES_URL's server, or a new
 * MongoDB database on MONGODB_URL's.
 */
export async function createTestDatabase(
  kind: TestDatabaseKind = testDatabaseKind(),
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-blog-test-'))
  const name = `blog_test_${randomBytes(6).toString('hex')}`
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true })
  const dirs = { DATA_DIR: dataDir, MEDIA_DIR: path.join(dataDir, 'media') }

  if (kind === 'sqlite') {
    return { kind, env: dirs, drop: async () => removeDir() }
  }
  if (kind === 'postgres') {
    const serverUrl = process.env.POSTGRES_URL
    if (!serverUrl) throw new Error('TEST_DATABASE=postgres needs POSTGRES_URL')
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    return {
      kind,
      env: { DATABASE_URL: withDatabaseName(serverUrl, name), ...dirs },
      drop: async () => {
        const client = new pg.Client({ connectionString: serverUrl })
        await client.connect()
        try {
          // An autovacuum worker may still be on a database this young; give it a moment.
          for (let attempt = 1; ; attempt++) {
            try {
              await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
              break
            } catch (error) {
              if (attempt >= 10) throw error
              await new Promise((resolve) => setTimeout(resolve, 300))
            }
          }
        } finally {
          await client.end()
        }
        removeDir()
      },
    }
  }
  const serverUrl = process.env.MONGODB_URL
  if (!serverUrl) throw new Error('TEST_DATABASE=mongodb needs MONGODB_URL')
  // The app drops its own MongoDB database on teardown (see startTestPayload).
  return {
    kind,
    env: { DATABASE_URL: withDatabaseName(serverUrl, name), ...dirs },
    drop: async () => removeDir(),
  }
}
