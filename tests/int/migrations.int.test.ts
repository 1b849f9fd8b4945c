import type { MigrateUpArgs } from '@payloadcms/db-sqlite'

import { sqlRows } from '@/comments/queries/sqlQuery'
import { idOf } from '@/lib/idOf'
import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'
import { runtimeOf } from '@/runtime/runtime'

import { insertComments } from '../helpers/bulkComments'
import { createComment, createPost } from '../helpers/factories'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.stop()
})

/**
 * Runs one committed migration's `down` then `up`, as `payload migrate` would: on PostgreSQL in a
 * transaction, as Payload runs each migration there.
 */
async function rerun(name: string) {
  const list = t.database.kind === 'postgres' ? postgresMigrations : sqliteMigrations
  const migration = list.find((entry) => entry.name.endsWith(name))!
  const drizzle = (t.payload.db as unknown as { drizzle: Transactional }).drizzle
  const run = async (db: unknown) => {
    const args = { db, payload: t.payload, req: {} } as unknown as MigrateUpArgs
    await migration.down(args as never)
    await migration.up(args as never)
  }
  if (t.database.kind === 'postgres') await drizzle.transaction(run)
  else await run(drizzle)
}

type Transactional = { transaction: (run: (tx: unknown) => Promise<void>) => Promise<void> }

// MongoDB has no SQL schema to migrate.
;(process.env.TEST_DATABASE === 'mongodb' ? describe.skip : describe)('migrations', () => {
  it('leaves the triggers that keep the stored counts and numbers on comments', async () => {
    // A generated migration that rebuilds the comments table (SQLite's way to change a column)
    // would drop them silently; the hand-written migrations that made them must run again then.
    const rows = await sqlRows(t.payload, (sql) =>
      t.database.kind === 'postgres'
        ? sql`SELECT tgname AS name FROM pg_trigger
            WHERE tgrelid = 'comments'::regclass AND NOT tgisinternal`
        : sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'comments'`,
    )
    const names = rows!.map((row) => String(row.name)).sort()
    expect(names).toEqual(
      t.database.kind === 'postgres'
        ? [
            'comment_status_counts_rows',
            'comment_status_counts_status',
            'comments_numbers_rows',
            'comments_numbers_update',
          ]
        : [
            'comment_status_counts_delete',
            'comment_status_counts_insert',
            'comment_status_counts_status',
            'comments_numbers_delete',
            'comments_numbers_insert',
            'comments_numbers_update',
          ],
    )
  })

  it('comment_numbers numbers the approved comments already stored, then keeps them', async () => {
    const post = await createPost(t.payload)
    const stored = await insertComments(t.payload, post, [
      {},
      { status: 'pending' },
      { replyTo: 0 },
      { status: 'spam' },
      {},
    ])
    await rerun('comment_numbers')
    await t.payload.db.updateOne({
      collection: 'comments',
      id: stored[1].id,
      data: { status: 'approved' },
    })
    const rows = await sqlRows(
      t.payload,
      (sql) => sql`SELECT comment_id, n FROM comment_numbers WHERE post_id = ${post.id} ORDER BY n`,
    )
    expect(rows!.map((row) => [Number(row.comment_id), Number(row.n)])).toEqual(
      [0, 1, 2, 4].map((index, n) => [stored[index].id, n + 1]),
    )
  })

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
