import type { Payload } from 'payload'

import { createTestDatabase, type TestDatabase } from './testDatabase'

export type TestPayload = { payload: Payload; database: TestDatabase; stop: () => Promise<void> }

/**
 * A real Payload on a fresh database of the suite's kind, migrated exactly as start-up does;
 * `env` adds settings (DATABASE_POOL_SIZE, ...).
 * Call stop() in afterAll: it closes the connection and drops the database.
 */
export async function startTestPayload(env: Record<string, string> = {}): Promise<TestPayload> {
  const database = await createTestDatabase()
  delete process.env.DATABASE_URL
  // payload.config.ts reads the environment (src/config) when first imported, below.
  Object.assign(process.env, database.env, env, {
    PAYLOAD_SECRET: 'test-secret-for-jest-only-0123456789',
  })

  // One at a time: Jest's ESM loader fails on concurrent imports of shared modules.
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { applyMigrations } = await import('@/db/migrations')
  const { closeDatabase } = await import('@/db/closeDatabase')
  const payload = await getPayload({ config })
  payload.logger.level = process.env.TEST_LOG_LEVEL ?? 'silent'
  await applyMigrations(payload, database.kind)

  return {
    payload,
    database,
    stop: async () => {
      if (database.kind === 'mongodb') {
        const connection = (
          payload.db as unknown as { connection: { dropDatabase(): Promise<void> } }
        ).connection
        await connection.dropDatabase()
      }
      await closeDatabase(payload)
      await database.drop()
    },
  }
}
