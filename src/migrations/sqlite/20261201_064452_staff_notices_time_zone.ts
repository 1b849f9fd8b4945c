import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`notification_frequency\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`last_digest_at\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`time_zone\` text DEFAULT 'UTC';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notification_frequency\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`last_digest_at\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`time_zone\`;`)
}
