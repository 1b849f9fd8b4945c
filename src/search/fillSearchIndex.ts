import { insertPostgresEntries } from './postgresSearchIndex'
import { ENTRY_BATCH, entryOf, publishedRows } from './searchEntries'
import { insertSqliteEntries } from './sqliteSearchIndex'
import type { SqlSession } from './sqlSession'

/**
 * Indexes every published post, a batch at a time in id order (the `site_search` migration, for
 * the posts that existed before it; the bench, after writing its posts with raw SQL).
 */
export async function fillSearchIndex(
  session: SqlSession,
  dialect: 'sqlite' | 'postgres',
): Promise<number> {
  const { sql } = session
  const aggregate = dialect === 'sqlite' ? 'group_concat' : 'string_agg'
  const insert = dialect === 'sqlite' ? insertSqliteEntries : insertPostgresEntries
  let after = 0
  let indexed = 0
  for (;;) {
    const rows = await session.rows(
      sql`${publishedRows(sql, aggregate, sql`p.id > ${after}`)} LIMIT ${ENTRY_BATCH}`,
    )
    if (rows.length === 0) return indexed
    await insert(session, rows.map(entryOf))
    indexed += rows.length
    after = Number(rows[rows.length - 1].id)
  }
}
