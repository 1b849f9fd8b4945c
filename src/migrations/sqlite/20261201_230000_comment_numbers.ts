import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Hand-written, like 20261201_190000_comment_status_counts: each approved comment's number in its
 * post's discussion ("comment 7": its place among the post's approved comments, oldest first,
 * ties by id), stored in `comment_numbers` and kept by triggers in the writer's transaction. A
 * comment that becomes approved takes the number after the approved comment just before it and
 * moves the later ones up by one; one that stops being approved (or is deleted) moves them down.
 * The post page then reads the numbers of the comments it shows by key
 * (src/comments/queries/discussionNumbers.ts) instead of numbering the whole discussion, 212,000
 * rows on the benchmark's big post. A change near the end of a discussion, the usual case, moves
 * few rows; approving a months-old comment on a large post moves every number after it, once.
 */

/** The number of the approved comment just before NEW in its post (0 if none). */
const BEFORE_NEW = `COALESCE((
  SELECT numbers.n FROM comments AS earlier
    JOIN comment_numbers AS numbers ON numbers.comment_id = earlier.id
  WHERE earlier.post_id = NEW.post_id AND earlier.status = 'approved' AND earlier.id <> NEW.id
    AND earlier.created_at <= NEW.created_at
    AND (earlier.created_at < NEW.created_at OR earlier.id < NEW.id)
  ORDER BY earlier.created_at DESC, earlier.id DESC LIMIT 1
), 0)`

// The new number first, then the later ones up: every subquery reads a row the UPDATE leaves alone.
const ADD_NEW = `
  INSERT INTO comment_numbers (comment_id, post_id, n)
    SELECT NEW.id, NEW.post_id, ${BEFORE_NEW} + 1 WHERE NEW.status = 'approved';
  UPDATE comment_numbers SET n = n + 1
    WHERE post_id = NEW.post_id AND comment_id <> NEW.id
      AND n >= (SELECT n FROM comment_numbers WHERE comment_id = NEW.id);`

const REMOVE_OLD = `
  UPDATE comment_numbers SET n = n - 1
    WHERE post_id = (SELECT post_id FROM comment_numbers WHERE comment_id = OLD.id)
      AND n > (SELECT n FROM comment_numbers WHERE comment_id = OLD.id);
  DELETE FROM comment_numbers WHERE comment_id = OLD.id;`

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS comment_numbers (
    comment_id integer PRIMARY KEY NOT NULL,
    post_id integer,
    n integer NOT NULL
  )`)
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS comment_numbers_post_n_idx ON comment_numbers (post_id, n)`,
  )
  await db.run(
    sql.raw(`CREATE TRIGGER IF NOT EXISTS comments_numbers_insert
    AFTER INSERT ON comments WHEN NEW.status = 'approved' BEGIN ${ADD_NEW}
    END`),
  )
  await db.run(
    sql.raw(`CREATE TRIGGER IF NOT EXISTS comments_numbers_delete
    AFTER DELETE ON comments WHEN OLD.status = 'approved' BEGIN ${REMOVE_OLD}
    END`),
  )
  await db.run(
    sql.raw(`CREATE TRIGGER IF NOT EXISTS comments_numbers_update
    AFTER UPDATE OF status, post_id, created_at ON comments
    WHEN (OLD.status = 'approved' OR NEW.status = 'approved')
      AND (OLD.status IS NOT NEW.status OR OLD.post_id IS NOT NEW.post_id
        OR OLD.created_at IS NOT NEW.created_at)
    BEGIN ${REMOVE_OLD} ${ADD_NEW}
    END`),
  )
  await db.run(sql`DELETE FROM comment_numbers`)
  await db.run(sql`INSERT INTO comment_numbers (comment_id, post_id, n)
    SELECT id, post_id, ROW_NUMBER() OVER (PARTITION BY post_id ORDER BY created_at, id)
    FROM comments WHERE status = 'approved'`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER IF EXISTS comments_numbers_update`)
  await db.run(sql`DROP TRIGGER IF EXISTS comments_numbers_delete`)
  await db.run(sql`DROP TRIGGER IF EXISTS comments_numbers_insert`)
  await db.run(sql`DROP TABLE IF EXISTS comment_numbers`)
}
