import pg from 'pg'
import type { Payload } from 'payload'

import { closeDatabase } from '@/db/closeDatabase'
import { applyMigrations } from '@/db/migrations'
import { migrations } from '@/migrations/postgres'

import { startOtherInstance } from '../helpers/otherInstance'
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase'

// A deploy starts the web instances and the worker at once on an empty (or older) database.
// The migration lock is PostgreSQL's (an advisory lock); SQLite has one process that migrates.
;(process.env.TEST_DATABASE === 'postgres' ? describe : describe.skip)(
  'migrations.concurrentStart',
  () => {
    let database: TestDatabase
    const instances: Payload[] = []

    beforeAll(async () => {
      database = await createTestDatabase()
      Object.assign(process.env, database.env, {
        PAYLOAD_SECRET: 'test-secret-for-jest-only-0123456789',
      })
      for (const key of ['m1', 'm2', 'm3']) {
        instances.push(await startOtherInstance(key, { runsJobs: false }))
      }
    })
    afterAll(async () => {
      for (const payload of instances) await closeDatabase(payload)
      await database?.drop()
    })

    it('migrates a fresh database once when three instances start together; the others wait, then find it migrated', async () => {
      await Promise.all(instances.map((payload) => applyMigrations(payload, 'postgres')))

      const client = new pg.Client({ connectionString: database.env.DATABASE_URL })
      await client.connect()
      try {
        const { rows } = await client.query<{ name: string; times: number }>(
          'SELECT name, count(*)::int AS times FROM payload_migrations GROUP BY name ORDER BY name',
        )
        expect(rows).toEqual(
          migrations
            .map(({ name }) => ({ name, times: 1 }))
            .sort((x, y) => (x.name < y.name ? -1 : 1)),
        )
      } finally {
        await client.end()
      }
      for (const payload of instances) {
        expect(await payload.count({ collection: 'posts' })).toEqual({ totalDocs: 0 })
      }
    })
  },
)
