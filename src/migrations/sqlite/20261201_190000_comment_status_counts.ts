import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Hand-written, kept apart from the generated schema migrations: comments per status, kept by
 * triggers in the same transaction as every insert, status change and delete, so the moderation
 * tabs' counts are one read of four rows instead of a count over every comment
 * (src/comments/queries/countComments.ts). SQLite has one writer at a time, so nothing is
 * written between the triggers' creation and the first fill. Payload's schema snapshots do not
 * know this table, so later generated migrations leave it alone.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS comment_status_counts (
    status text PRIMARY KEY NOT NULL,
    n integer NOT NULL
  )`)
  await db.run(sql`CREATE TRIGGER IF NOT EXISTS comment_status_counts_insert
    AFTER INSERT ON comments WHEN NEW.status IS NOT NULL BEGIN
      INSERT INTO comment_status_counts (status, n) VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
    END`)
  await db.run(sql`CREATE TRIGGER IF NOT EXISTS comment_status_counts_delete
    AFTER DELETE ON comments BEGIN
      UPDATE comment_status_counts SET n = n - 1 WHERE status = OLD.status;
    END`)
  await db.run(sql`CREATE TRIGGER IF NOT EXISTS comment_status_counts_status
    AFTER UPDATE OF status ON comments WHEN OLD.status IS NOT NEW.status BEGIN
      UPDATE comment_status_counts SET n = n - 1 WHERE status = OLD.status;
      INSERT INTO comment_status_counts (status, n) SELECT NEW.status, 1
        WHERE NEW.status IS NOT NULL
        ON CONFLICT (status) DO UPDATE SET n = n + 1;
    END`)
  await db.run(sql`DELETE FROM comment_status_counts`)
  await db.run(sql`INSERT INTO comment_status_counts (status, n)
    SELECT status, COUNT(*) FROM comments WHERE status IS NOT NULL GROUP BY status`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER IF EXISTS comment_status_counts_status`)
  await db.run(sql`DROP TRIGGER IF EXISTS comment_status_counts_delete`)
  await db.run(sql`DROP TRIGGER IF EXISTS comment_status_counts_insert`)
  await db.run(sql`DROP TABLE IF EXISTS comment_status_counts`)
}
