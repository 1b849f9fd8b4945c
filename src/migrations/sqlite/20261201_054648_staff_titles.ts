import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comments\` ADD \`agency_response\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`title\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`agency_response\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`title\`;`)
}
