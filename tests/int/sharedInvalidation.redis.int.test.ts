import { createClient } from 'redis'

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
import { startRedisServer, type RedisServer } from '../helpers/redisServer'
import { startSecondInstance, waitUntil } from '../helpers/sharedInstances'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * Two instances on one database (any kind) with REDIS_URL set: invalidations travel by Redis
 * pub/sub, through a redis-server started here on a free loopback port.
 */
let redis: RedisServer
let t: TestPayload
let second: Awaited<ReturnType<typeof startSecondInstance>>
let readers: SiteReaders

beforeAll(async () => {
  redis = await startRedisServer()
  t = await startTestPayload({ REDIS_URL: redis.url })
  second = await startSecondInstance('instance-a', { REDIS_URL: redis.url })
  readers = await siteReaders()
})
afterAll(async () => {
  await second?.stop()
  await t?.stop()
  await redis?.stop()
})

const instances = () => ({ a: second.payload, b: t.payload })

/** One command on the test's Redis server, on a connection of its own. */
async function redisCommand(args: string[]) {
  const client = createClient({ url: redis.url })
  await client.connect()
  try {
    return await client.sendCommand(args)
  } finally {
    client.destroy()
  }
}

describe('invalidation.redis', () => {
  it('is chosen when REDIS_URL is set, whatever the database', () => {
    expect(runtimeOf(t.payload).invalidation.kind).toBe('redis')
    expect(runtimeOf(second.payload).invalidation.kind).toBe('redis')
  })

  crossInstanceCases(instances, () => readers)

  it('drops everything when its subscription was cut, and hears later changes', async () => {
    const { a, b } = instances()
    const { post, comment } = await settledPostWithPendingComment(b)
    await shownOnB(readers, post)
    await expectCachedOnB(b, readers, post)

    const beforeCut = generationOf(b)
    // Both instances' subscriber connections: each reconnects, subscribes again, and drops.
    expect(Number(await redisCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']))).toBe(2)
    await waitUntil('B subscribes again and drops its caches', () => generationOf(b) > beforeCut)

    const before = generationOf(b)
    await a.update({ collection: 'comments', id: comment.id, data: { status: 'approved' } })
    await waitUntil('B hears of the approval after reconnecting', () => generationOf(b) > before)
    expect(await shownOnB(readers, post)).toEqual([comment.id])
  })
})
