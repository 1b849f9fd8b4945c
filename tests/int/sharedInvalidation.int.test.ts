import pg from 'pg'
import type { Payload } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

import {
  crossInstanceCases,
  expectCachedOnB,
  generationOf,
  settledPostWithPendingComment,
  shownOnB,
  siteReaders,
  type SiteReaders,
} from '../helpers/crossInstanceChanges'
import { createComment } from '../helpers/factories'
import { pause, startSecondInstance, waitUntil } from '../helpers/sharedInstances'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * Two instances on one database, with the bus the database gives without any other setting:
 * PostgreSQL LISTEN/NOTIFY on PostgreSQL, the in-process bus on SQLite (one instance only).
 * Redis: sharedInvalidation.redis.int.test.ts.
 */
let t: TestPayload
let second: Awaited<ReturnType<typeof startSecondInstance>>
let readers: SiteReaders
const onPostgres = process.env.TEST_DATABASE === 'postgres'

beforeAll(async () => {
  t = await startTestPayload()
  second = await startSecondInstance('instance-a')
  readers = await siteReaders()
})
afterAll(async () => {
  await second?.stop()
  await t?.stop()
})

const instances = () => ({ a: second.payload, b: t.payload })

if (onPostgres) {
  describe('invalidation.postgres', () => {
    it('is chosen for a postgres:// DATABASE_URL', () => {
      expect(runtimeOf(t.payload).invalidation.kind).toBe('postgres')
      expect(runtimeOf(second.payload).invalidation.kind).toBe('postgres')
    })

    crossInstanceCases(instances, () => readers)

    it('drops everything when its listening connection was cut, and hears later changes', async () => {
      const { a, b } = instances()
      const { post, comment } = await settledPostWithPendingComment(b)
      await shownOnB(readers, post)
      await expectCachedOnB(b, readers, post)

      const cut = await listenerPid(b)
      expect(cut).not.toBeNull()
      const beforeCut = generationOf(b)
      await sql('SELECT pg_terminate_backend($1)', [cut])
      await waitUntil('B listens again and drops its caches', () => generationOf(b) > beforeCut)
      expect(await listenerPid(b)).not.toBe(cut)

      const before = generationOf(b)
      await a.update({ collection: 'comments', id: comment.id, data: { status: 'approved' } })
      await waitUntil('B hears of the approval after reconnecting', () => generationOf(b) > before)
      expect(await shownOnB(readers, post)).toEqual([comment.id])
    })
  })
} else {
  describe('invalidation.in-process', () => {
    it('is chosen for SQLite, and applies an instance’s own change at once', async () => {
      const b = t.payload
      expect(runtimeOf(b).invalidation.kind).toBe('in-process')
      const { post, comment } = await settledPostWithPendingComment(b)
      expect(await shownOnB(readers, post)).toEqual([])
      await b.update({ collection: 'comments', id: comment.id, data: { status: 'approved' } })
      expect(await shownOnB(readers, post)).toEqual([comment.id])
    })

    it('tells no other instance: several instances need PostgreSQL or REDIS_URL', async () => {
      const { a, b } = instances()
      const { post } = await settledPostWithPendingComment(b)
      const [beforeA, before] = [generationOf(a), generationOf(b)]
      await createComment(a, post, { status: 'approved' })
      expect(generationOf(a)).toBe(beforeA + 1) // A applied its own change; B never hears of it
      await pause(300)
      expect(generationOf(b)).toBe(before)
    })
  })
}

/** Runs one query on the test's database, on a connection of its own. */
async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

/** The backend process of the connection `payload`'s instance listens on, or null. */
async function listenerPid(payload: Payload): Promise<number | null> {
  const name = `agency-blog invalidation ${runtimeOf(payload).invalidation.instanceId}`
  const rows = await sql('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [name])
  return rows.length === 1 ? (rows[0].pid as number) : null
}
