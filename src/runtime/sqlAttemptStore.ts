import { sqlSessionOf } from '@/search/sqlSession'

import type { AttemptScope, AttemptStore } from './attemptLimiter'

/**
 * SQLite and PostgreSQL: the table `attempt_windows` (migration `shared_attempt_limits`), one row
 * per key: its attempts and when its window ends (milliseconds since the epoch). An attempt is
 * one upsert that starts a new window or counts in the running one and returns the result, atomic
 * on both databases, so attempts at the same moment on two instances are both counted. In the
 * request's transaction when it has one (on PostgreSQL a second attempt on the same key then waits
 * for the first to commit or roll back; a failed sign-in is counted before Payload opens one).
 */
export function sqlAttemptStore(dialect: 'sqlite' | 'postgres'): AttemptStore {
  const session = (scope: AttemptScope) => sqlSessionOf(dialect, scope.payload, scope)
  return {
    async count(scope, key, windowMs, now) {
      const db = await session(scope)
      const { sql } = db
      const [row] = await db.rows(sql`INSERT INTO attempt_windows (key, count, expires_at)
        VALUES (${key}, 1, ${now + windowMs})
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN attempt_windows.expires_at <= ${now} THEN 1
            ELSE attempt_windows.count + 1 END,
          expires_at = CASE WHEN attempt_windows.expires_at <= ${now} THEN excluded.expires_at
            ELSE attempt_windows.expires_at END
        RETURNING count, expires_at`)
      return { count: Number(row.count), expiresAt: Number(row.expires_at) }
    },

    async clear(scope, key) {
      const db = await session(scope)
      await db.run(db.sql`DELETE FROM attempt_windows WHERE key = ${key}`)
    },

    async forgive(scope, key) {
      const db = await session(scope)
      await db.run(
        db.sql`UPDATE attempt_windows SET count = count - 1 WHERE key = ${key} AND count > 0`,
      )
    },

    async purge(scope, now, max) {
      const db = await session(scope)
      const { sql } = db
      // PostgreSQL: rows another instance is renewing right now are left for the next purge.
      const skipLocked = dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``
      await db.run(sql`DELETE FROM attempt_windows WHERE key IN (
        SELECT key FROM attempt_windows WHERE expires_at <= ${now} LIMIT ${max}${skipLocked}
      )`)
    },

    async windows(scope) {
      const db = await session(scope)
      const [row] = await db.rows(db.sql`SELECT count(*) AS n FROM attempt_windows`)
      return Number(row?.n ?? 0)
    },
  }
}
