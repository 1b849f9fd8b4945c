import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import type { DatabaseTarget } from '@/config/databaseUrl'

const migrationsRoot = path.resolve(process.cwd(), 'src/migrations')

/**
 * One Payload adapter per DATABASE_URL form. Schema push is off everywhere: SQL schemas only change
 * through the committed migrations in src/migrations/<dialect>, which start-up applies.
 */
export function databaseAdapter(target: DatabaseTarget): DatabaseAdapterObj {
  switch (target.kind) {
    case 'sqlite':
      fs.mkdirSync(path.dirname(target.file), { recursive: true })
      return sqliteAdapter({
        client: { url: target.url },
        push: false,
        migrationDir: path.join(migrationsRoot, 'sqlite'),
        // Readers and the job runner share the file with the web process: wait for locks instead of failing.
        busyTimeout: 5000,
        wal: true,
      })
    case 'postgres':
      return postgresAdapter({
        // Each instance holds at most this many connections; several instances share the
        // server's max_connections.
        pool: { connectionString: target.url, max: target.poolSize },
        push: false,
        migrationDir: path.join(migrationsRoot, 'postgres'),
      })
    case 'mongodb':
      return mongooseAdapter({ url: target.url })
  }
}
