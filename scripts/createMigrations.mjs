#!/usr/bin/env node
/**
 * `npm run migrate:create -- <name>`: after changing a collection, writes the migration for both
 * SQL dialects (src/migrations/sqlite and src/migrations/postgres). Neither needs a running
 * database: Payload compares the config with the last migration's schema snapshot.
 * MongoDB needs no schema migration.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const name = process.argv[2]
if (!name || !/^[a-z0-9_-]+$/i.test(name)) {
  console.error('usage: npm run migrate:create -- <name>   (letters, digits, - and _)')
  process.exit(2)
}

const targets = {
  sqlite: { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-')), DATABASE_URL: '' },
  // Never contacted: migrate:create only needs the adapter's dialect.
  postgres: { DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' },
}

let status = 0
for (const [dialect, env] of Object.entries(targets)) {
  console.log(`\n--- ${dialect}`)
  const result = spawnSync(
    'npm',
    ['run', '--silent', 'payload', '--', 'migrate:create', name, '--skip-empty'],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  )
  if (result.status !== 0) {
    status = result.status ?? 1
    break
  }
}
// The SQLite target's empty data directory: nothing in it is needed once the files are written.
fs.rmSync(targets.sqlite.DATA_DIR, { recursive: true, force: true })
process.exit(status)
