import type { MigrateUpArgs } from '@payloadcms/db-sqlite'

import { idOf } from '@/lib/idOf'
import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'
import { runtimeOf } from '@/runtime/runtime'

import { createComment, createPost } from '../helpers/factories'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.stop()
})

/** Runs one committed migration's `down` then `up`, as `payload migrate` would. */
async function rerun(name: string) {
  const list = t.database.kind === 'postgres' ? postgresMigrations : sqliteMigrations
  const migration = list.find((entry) => entry.name.endsWith(name))!
  const args = {
    db: (t.payload.db as unknown as { drizzle: unknown }).drizzle,
    payload: t.payload,
    req: {},
  } as unknown as MigrateUpArgs
  await migration.down(args as never)
  await migration.up(args as never)
}

// MongoDB has no SQL schema to migrate.
;(process.env.TEST_DATABASE === 'mongodb' ? describe.skip : describe)('migrations', () => {
  it('comment_threads_and_indexes puts every existing reply in its top-level comment thread', async () => {
    const post = await createPost(t.payload)
    const top = await createComment(t.payload, post)
    const reply = await createComment(t.payload, post, { parent: top.id })
    const deep = await createComment(t.payload, post, { parent: reply.id })
    const other = await createComment(t.payload, post)
    const threads = async () =>
      Object.fromEntries(
        await Promise.all(
          [top, reply, deep, other].map(async (comment) => {
            const stored = await t.payload.findByID({
              collection: 'comments',
              id: comment.id,
              depth: 0,
              // Only what this migration is about: on SQLite its `down` rebuilds the table as it
              // was then, without the columns later migrations added.
              select: { thread: true },
            })
            return [comment.id, idOf(stored.thread)]
          }),
        ),
      )
    const expected = { [top.id]: null, [reply.id]: top.id, [deep.id]: top.id, [other.id]: null }
    expect(await threads()).toEqual(expected)

    // The column as it was before the migration (gone, with its values), then the migration.
    await rerun('comment_threads_and_indexes')
    expect(await threads()).toEqual(expected)
  })

  it('shared_attempt_limits: down drops the attempt windows, up makes the table again', async () => {
    const { attempts } = runtimeOf(t.payload)
    const scope = { payload: t.payload }
    expect(await attempts.hit(scope, 'migration-test', 1, 60_000)).toEqual({ allowed: true })
    expect((await attempts.hit(scope, 'migration-test', 1, 60_000)).allowed).toBe(false)
    await rerun('shared_attempt_limits')
    expect(await attempts.store.windows(scope)).toBe(0)
    expect(await attempts.hit(scope, 'migration-test', 1, 60_000)).toEqual({ allowed: true })
  })
})
