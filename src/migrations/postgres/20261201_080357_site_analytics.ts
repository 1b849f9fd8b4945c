import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_settings" ADD COLUMN "analytics_script_url" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "analytics_report_hosts" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_settings" DROP COLUMN "analytics_script_url";
  ALTER TABLE "site_settings" DROP COLUMN "analytics_report_hosts";`)
}
