import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written, kept apart from the generated schema migrations: comments per status, kept by
 * triggers in the same transaction as every insert, status change and delete, so the moderation
 * tabs' counts are one read of four rows instead of a count over every comment
 * (src/comments/queries/countComments.ts). Writers wait while the counts are first filled, so
 * none is missed. Payload's schema snapshots do not know this table, so later generated
 * migrations leave it alone.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS comment_status_counts (
    status text PRIMARY KEY,
    n bigint NOT NULL
  )`)
  await db.execute(sql`CREATE OR REPLACE FUNCTION comment_status_counts_track() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE comment_status_counts SET n = n - 1 WHERE status = OLD.status::text;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO comment_status_counts (status, n) VALUES (NEW.status::text, 1)
          ON CONFLICT (status) DO UPDATE SET n = comment_status_counts.n + 1;
      END IF;
      RETURN NULL;
    END $$`)
  await db.execute(sql`LOCK TABLE comments IN SHARE ROW EXCLUSIVE MODE`)
  await db.execute(sql`DROP TRIGGER IF EXISTS comment_status_counts_rows ON comments`)
  await db.execute(sql`CREATE TRIGGER comment_status_counts_rows
    AFTER INSERT OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION comment_status_counts_track()`)
  await db.execute(sql`DROP TRIGGER IF EXISTS comment_status_counts_status ON comments`)
  await db.execute(sql`CREATE TRIGGER comment_status_counts_status
    AFTER UPDATE OF status ON comments
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION comment_status_counts_track()`)
  await db.execute(sql`DELETE FROM comment_status_counts`)
  await db.execute(sql`INSERT INTO comment_status_counts (status, n)
    SELECT status::text, COUNT(*) FROM comments WHERE status IS NOT NULL GROUP BY status`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TRIGGER IF EXISTS comment_status_counts_status ON comments`)
  await db.execute(sql`DROP TRIGGER IF EXISTS comment_status_counts_rows ON comments`)
  await db.execute(sql`DROP FUNCTION IF EXISTS comment_status_counts_track()`)
  await db.execute(sql`DROP TABLE IF EXISTS comment_status_counts`)
}
