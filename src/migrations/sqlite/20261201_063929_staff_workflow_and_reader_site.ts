import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comments\` ADD \`agency_response\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`title\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`feed_content\` text DEFAULT 'summary' NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`agency_response\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`title\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`feed_content\`;`)
}
