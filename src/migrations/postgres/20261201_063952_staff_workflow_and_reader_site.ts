import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_site_settings_feed_content" AS ENUM('summary', 'full');
  ALTER TABLE "comments" ADD COLUMN "agency_response" varchar;
  ALTER TABLE "users" ADD COLUMN "title" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "feed_content" "enum_site_settings_feed_content" DEFAULT 'summary' NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" DROP COLUMN "agency_response";
  ALTER TABLE "users" DROP COLUMN "title";
  ALTER TABLE "site_settings" DROP COLUMN "feed_content";
  DROP TYPE "public"."enum_site_settings_feed_content";`)
}
