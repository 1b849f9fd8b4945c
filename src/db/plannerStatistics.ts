import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { DatabaseTarget } from '@/config/databaseUrl'

/** Rows SQLite samples per index: statistics for a million comments in well under a second. */
const ANALYSIS_LIMIT = 1000

type SqliteDrizzle = { run: (query: unknown) => Promise<unknown> }

/**
 * Gives SQLite's query planner statistics (`ANALYZE`, sampled), at each start after the
 * migrations. Without them SQLite guesses every index equally selective. Sampled statistics are
 * rough: a key's rows are capped at the sample (`status = 'approved'` looks like 1,001 rows of a
 * million), so a query whose plan matters at volume is written so that it has one good plan
 * whatever they say (the replies of a page, src/data/comments.ts, tests/int/postPage.int.test.ts).
 * PostgreSQL keeps its own statistics (autovacuum); MongoDB has none to keep.
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
