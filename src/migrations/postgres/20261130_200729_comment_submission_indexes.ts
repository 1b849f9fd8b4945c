import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "authorEmail_post_idx" ON "comments" USING btree ("author_email","post_id");
  CREATE INDEX "authorEmail_status_idx" ON "comments" USING btree ("author_email","status");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "authorEmail_post_idx";
  DROP INDEX "authorEmail_status_idx";`)
}
