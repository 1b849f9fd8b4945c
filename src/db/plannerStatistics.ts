import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { DatabaseTarget } from '@/config/databaseUrl'

/** Rows SQLite samples per index: statistics for a million comments in well under a second. */
const ANALYSIS_LIMIT = 1000

type SqliteDrizzle = { run: (query: unknown) => Promise<unknown> }

/**
 * Gives SQLite's query planner statistics (`ANALYZE`, sampled), at each start after the
 * migrations. Without them SQLite guesses every index equally selective, and it read a page's
 * replies (`thread IN (...) AND status = 'approved' ORDER BY createdAt`) by walking every
 * approved comment in date order, to avoid a sort: 0.6-1.3 s at a million comments, against
 * 0.3 ms through the thread index once it knows `status` matches most rows. PostgreSQL keeps its
 * own statistics (autovacuum); MongoDB has none to keep.
 */
export async function refreshPlannerStatistics(
  payload: Payload,
  kind: DatabaseTarget['kind'],
): Promise<void> {
  if (kind !== 'sqlite') return
  const db = (payload.db as unknown as { drizzle: SqliteDrizzle }).drizzle
  await db.run(sql.raw(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`))
  await db.run(sql`ANALYZE`)
}
