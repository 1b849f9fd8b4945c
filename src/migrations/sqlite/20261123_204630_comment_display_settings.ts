import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`comments_per_page\` numeric DEFAULT 50 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`comment_nesting_depth\` numeric DEFAULT 5 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`comments_per_page\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`comment_nesting_depth\`;`)
}
