import path from 'node:path'

import type { Post } from '@/payload-types'
import type { RunningServer } from '@/server/listen'

import { eventually } from '../helpers/adminSession'
import { createPost } from '../helpers/factories'
import { startFront } from '../helpers/front'
import { createPayloadHandle } from '../helpers/payloadHandle'
import { storedCount } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * The database goes away for a while (PostgreSQL stopped or refusing connections; SQLite's file
 * locked by another process past the busy timeout): submissions are answered 503 with Retry-After
 * and a clear message, nothing is half-stored, no uncaught exception escapes, and the site
 * recovers by itself once the database is back.
 */

let t: TestPayload
let post: Post
let running: RunningServer
const uncaught: unknown[] = []
const onUncaught = (error: unknown) => uncaught.push(error)

beforeAll(async () => {
  t = await startTestPayload()
  post = await createPost(t.payload)
  running = await startFront(t.payload, await createPayloadHandle(), { trustProxy: 1 })
  process.on('uncaughtException', onUncaught)
})
afterAll(async () => {
  process.off('uncaughtException', onUncaught)
  running?.server.close()
  await t?.stop()
})

let sent = 0
function submit() {
  sent += 1
  return fetch(`http://127.0.0.1:${running.port}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${sent}` },
    body: JSON.stringify({
      post: post.id,
      authorName: 'Outage Reader',
      authorEmail: `outage-${sent}@example.com`,
      body: `Comment number ${sent}, sent during a database outage.`,
    }),
  })
}

type Outage = { begin: () => Promise<void>; end: () => Promise<void> }

/** PostgreSQL refusing connections, with every open connection to the test database cut. */
async function postgresOutage(): Promise<Outage> {
  const { default: pg } = await import('pg')
  const url = t.database.env.DATABASE_URL!
  const name = new URL(url).pathname.slice(1)
  const admin = new pg.Client({ connectionString: url.replace(`/${name}`, '/postgres') })
  await admin.connect()
  const cutConnections = () =>
    admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    )
  return {
    begin: async () => {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`)
      await cutConnections()
    },
    end: async () => {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`)
      await admin.end()
    },
  }
}

/** SQLite's file held under an exclusive lock by another connection, past the busy timeout. */
async function sqliteOutage(): Promise<Outage> {
  const { createClient } = await import('@libsql/client')
  const file = path.join(t.database.env.DATA_DIR, 'payload.db')
  const other = createClient({ url: `file:${file}` })
  return {
    begin: async () => {
      await other.execute('BEGIN EXCLUSIVE')
    },
    end: async () => {
      await other.execute('COMMIT')
      other.close()
    },
  }
}

/** Comments committed to the database, read on a connection of the test's own. */
async function committedComments(): Promise<number> {
  if (t.database.kind !== 'sqlite') return storedCount(t.payload, 'comments')
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${path.join(t.database.env.DATA_DIR, 'payload.db')}` })
  try {
    const { rows } = await client.execute('SELECT count(*) AS n FROM comments')
    return Number(rows[0].n)
  } finally {
    client.close()
  }
}

describe('a database outage', () => {
  it('answers submissions 503 with Retry-After while the database is away, then recovers', async () => {
    expect((await submit()).status).toBe(201)
    const before = await storedCount(t.payload, 'comments')

    const outage = t.database.kind === 'postgres' ? await postgresOutage() : await sqliteOutage()
    await outage.begin()
    let during: Response
    try {
      during = await submit()
    } finally {
      await outage.end()
    }
    expect(during.status).toBe(503)
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await during.json()).toEqual({
      errors: [{ message: 'The site cannot reach its database just now; try again in a moment.' }],
    })

    // Back by itself, with nothing half-stored from the refused submission.
    expect(await storedCount(t.payload, 'comments')).toBe(before)
    expect((await submit()).status).toBe(201)
    // Stored: a connection of its own sees it at once.
    expect(await committedComments()).toBe(before + 1)
    // And the site's own reads catch up by themselves (on a loaded machine SQLite's connection
    // can take a moment to let go of the snapshot a refused request was reading).
    await eventually('the site reads the new comment', async () => {
      return (await storedCount(t.payload, 'comments')) === before + 1
    })
    expect(uncaught).toEqual([])
  }, 60_000)
})
