import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_site_settings_feed_content" AS ENUM('summary', 'full');
  ALTER TABLE "site_settings" ADD COLUMN "feed_content" "enum_site_settings_feed_content" DEFAULT 'summary' NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_settings" DROP COLUMN "feed_content";
  DROP TYPE "public"."enum_site_settings_feed_content";`)
}
