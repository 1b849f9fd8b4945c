import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written, like 20261201_190000_comment_status_counts: each approved comment's number in its
 * post's discussion ("comment 7": its place among the post's approved comments, oldest first,
 * ties by id), stored in `comment_numbers` and kept by a trigger in the writer's transaction. A
 * comment that becomes approved takes the number after the approved comment just before it and
 * moves the later ones up by one; one that stops being approved (or is deleted) moves them down.
 * The post page then reads the numbers of the comments it shows by key
 * (src/comments/queries/discussionNumbers.ts) instead of numbering the whole discussion.
 *
 * Two writers renumbering one post would race, so the trigger takes a lock on the post's
 * discussion (a transaction-level advisory lock keyed by the post) before it reads a number.
 * PostgreSQL fires a table's triggers in name order and this one's sorts after
 * comment_status_counts_*: a writer that approves or unapproves already holds the approved
 * count's row by then, so such writers take these locks one at a time.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS comment_numbers (
    comment_id integer PRIMARY KEY,
    post_id integer,
    n integer NOT NULL
  )`)
  await db.execute(
    sql`CREATE INDEX IF NOT EXISTS comment_numbers_post_n_idx ON comment_numbers (post_id, n)`,
  )
  await db.execute(sql`CREATE OR REPLACE FUNCTION comments_numbers_track() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
      discussion integer;
      old_post integer;
      old_number integer;
      before_new integer;
    BEGIN
      FOR discussion IN
        SELECT DISTINCT post FROM unnest(ARRAY[
          CASE WHEN TG_OP <> 'INSERT' AND OLD.status = 'approved' THEN OLD.post_id END,
          CASE WHEN TG_OP <> 'DELETE' AND NEW.status = 'approved' THEN NEW.post_id END
        ]) AS post WHERE post IS NOT NULL ORDER BY post
      LOOP
        PERFORM pg_advisory_xact_lock(hashtext('comment_numbers'), discussion);
      END LOOP;
      IF TG_OP <> 'INSERT' THEN
        SELECT post_id, n INTO old_post, old_number FROM comment_numbers WHERE comment_id = OLD.id;
        IF FOUND THEN
          DELETE FROM comment_numbers WHERE comment_id = OLD.id;
          UPDATE comment_numbers SET n = n - 1 WHERE post_id = old_post AND n > old_number;
        END IF;
      END IF;
      IF TG_OP <> 'DELETE' AND NEW.status = 'approved' THEN
        SELECT numbers.n INTO before_new FROM comments AS earlier
          JOIN comment_numbers AS numbers ON numbers.comment_id = earlier.id
          WHERE earlier.post_id = NEW.post_id AND earlier.status = 'approved'
            AND earlier.id <> NEW.id AND earlier.created_at <= NEW.created_at
            AND (earlier.created_at < NEW.created_at OR earlier.id < NEW.id)
          ORDER BY earlier.created_at DESC, earlier.id DESC LIMIT 1;
        before_new := COALESCE(before_new, 0);
        UPDATE comment_numbers SET n = n + 1 WHERE post_id = NEW.post_id AND n > before_new;
        INSERT INTO comment_numbers (comment_id, post_id, n)
          VALUES (NEW.id, NEW.post_id, before_new + 1);
      END IF;
      RETURN NULL;
    END $$`)
  await db.execute(sql`LOCK TABLE comments IN SHARE ROW EXCLUSIVE MODE`)
  await db.execute(sql`DROP TRIGGER IF EXISTS comments_numbers_rows ON comments`)
  await db.execute(sql`CREATE TRIGGER comments_numbers_rows
    AFTER INSERT OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION comments_numbers_track()`)
  await db.execute(sql`DROP TRIGGER IF EXISTS comments_numbers_update ON comments`)
  await db.execute(sql`CREATE TRIGGER comments_numbers_update
    AFTER UPDATE OF status, post_id, created_at ON comments
    FOR EACH ROW WHEN (
      (OLD.status = 'approved' OR NEW.status = 'approved')
      AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.post_id IS DISTINCT FROM NEW.post_id
        OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    )
    EXECUTE FUNCTION comments_numbers_track()`)
  await db.execute(sql`DELETE FROM comment_numbers`)
  await db.execute(sql`INSERT INTO comment_numbers (comment_id, post_id, n)
    SELECT id, post_id, ROW_NUMBER() OVER (PARTITION BY post_id ORDER BY created_at, id)
    FROM comments WHERE status = 'approved'`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TRIGGER IF EXISTS comments_numbers_update ON comments`)
  await db.execute(sql`DROP TRIGGER IF EXISTS comments_numbers_rows ON comments`)
  await db.execute(sql`DROP FUNCTION IF EXISTS comments_numbers_track()`)
  await db.execute(sql`DROP TABLE IF EXISTS comment_numbers`)
}
