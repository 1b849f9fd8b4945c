import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "commenter_blocks" ADD COLUMN "blocked_by_name" varchar;
  ALTER TABLE "commenter_blocks" ADD COLUMN "lifted_by_name" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "commenter_blocks" DROP COLUMN "blocked_by_name";
  ALTER TABLE "commenter_blocks" DROP COLUMN "lifted_by_name";`)
}
