import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" ADD COLUMN "thread_id" integer;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_thread_id_comments_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "comments_thread_idx" ON "comments" USING btree ("thread_id");
  CREATE INDEX "post_status_createdAt_idx" ON "comments" USING btree ("post_id","status","created_at");
  CREATE INDEX "thread_status_createdAt_idx" ON "comments" USING btree ("thread_id","status","created_at");
  CREATE INDEX "status_createdAt_idx" ON "comments" USING btree ("status","created_at");
  CREATE INDEX "ip_createdAt_idx" ON "comments" USING btree ("ip","created_at");`)
  // Every existing reply joins the thread of its top-level comment (written by hand).
  await db.execute(sql`
    WITH RECURSIVE chain(id, root) AS (
      SELECT id, id FROM comments WHERE parent_id IS NULL
      UNION ALL
      SELECT c.id, chain.root FROM comments c JOIN chain ON c.parent_id = chain.id
    )
    UPDATE comments SET thread_id = chain.root FROM chain
    WHERE chain.id = comments.id AND comments.parent_id IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" DROP CONSTRAINT "comments_thread_id_comments_id_fk";
  
  DROP INDEX "comments_thread_idx";
  DROP INDEX "post_status_createdAt_idx";
  DROP INDEX "thread_status_createdAt_idx";
  DROP INDEX "status_createdAt_idx";
  DROP INDEX "ip_createdAt_idx";
  ALTER TABLE "comments" DROP COLUMN "thread_id";`)
}
