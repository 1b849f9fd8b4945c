import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`commenter_blocks\` ADD \`blocked_by_name\` text;`)
  await db.run(sql`ALTER TABLE \`commenter_blocks\` ADD \`lifted_by_name\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`commenter_blocks\` DROP COLUMN \`blocked_by_name\`;`)
  await db.run(sql`ALTER TABLE \`commenter_blocks\` DROP COLUMN \`lifted_by_name\`;`)
}
