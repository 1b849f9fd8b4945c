import pg from 'pg'
import type { Payload } from 'payload'

import { readConfig } from '@/config/appConfig'
import { bootPayload, seedEmptyDatabase } from '@/cms/bootPayload'
import { closeDatabase } from '@/db/closeDatabase'
import { DEMO_ACCOUNTS } from '@/seed/demoAccounts'
import { seedDemo } from '@/seed/seedDemo'
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

    it('seeds an empty database once when three development instances start together', async () => {
      const fresh = await createTestDatabase()
      const config = readConfig({ ...process.env, ...fresh.env, LOG_LEVEL: 'silent' })
      const booted: Payload[] = []
      try {
        for (const key of ['s1', 's2', 's3']) {
          booted.push(
            (await bootPayload(config, { role: 'Start-up', runJobs: false, key })).payload,
          )
        }
        const seeders: number[] = []
        const starts = booted.map((payload, i) =>
          seedEmptyDatabase(payload, async () => {
            seeders.push(i)
            await seedDemo(payload, { password: 'demo-password-for-tests' })
          }),
        )
        const seeded = await Promise.all(starts)
        expect(seeders).toHaveLength(1)
        expect(seeded.filter(Boolean)).toHaveLength(1)
        for (const payload of booted) {
          expect(await payload.count({ collection: 'users' })).toEqual({
            totalDocs: DEMO_ACCOUNTS.length,
          })
        }
      } finally {
        for (const payload of booted) await closeDatabase(payload)
        await fresh.drop()
      }
    })
  },
)
