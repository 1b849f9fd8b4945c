import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

import { fillSearchIndex } from '@/search/fillSearchIndex'
import { sqlSessionFor } from '@/search/sqlSession'

/**
 * Hand-written, kept apart from the generated schema migrations: the site search's table, its
 * generated tsvector and GIN index (src/search/postgresSearchIndex.ts), filled with the posts
 * published before it. Payload's schema snapshots do not know this table, so later generated
 * migrations leave it alone.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS search_posts (
    post_id integer PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    title text NOT NULL DEFAULT '',
    excerpt text NOT NULL DEFAULT '',
    body text NOT NULL DEFAULT '',
    authors text NOT NULL DEFAULT '',
    categories text NOT NULL DEFAULT '',
    document tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', title), 'A') ||
      setweight(to_tsvector('english', authors || ' ' || categories || ' ' || excerpt), 'B') ||
      setweight(to_tsvector('english', body), 'D')
    ) STORED
  )`)
  await db.execute(
    sql`CREATE INDEX IF NOT EXISTS search_posts_document_idx ON search_posts USING GIN (document)`,
  )
  await fillSearchIndex(sqlSessionFor('postgres', db), 'postgres')
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS search_posts`)
}
