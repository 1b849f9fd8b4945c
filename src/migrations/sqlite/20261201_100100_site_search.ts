import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

import { fillSearchIndex } from '@/search/fillSearchIndex'
import { sqlSessionFor } from '@/search/sqlSession'

/**
 * Hand-written, kept apart from the generated schema migrations: the site search's FTS5 table
 * (src/search/sqliteSearchIndex.ts), filled with the posts published before it. Payload's schema
 * snapshots do not know this table, so later generated migrations leave it alone.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE VIRTUAL TABLE IF NOT EXISTS search_posts USING fts5(
    title, excerpt, body, authors, categories,
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`)
  await fillSearchIndex(sqlSessionFor('sqlite', db), 'sqlite')
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS search_posts`)
}
