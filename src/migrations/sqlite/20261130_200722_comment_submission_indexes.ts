import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`authorEmail_post_idx\` ON \`comments\` (\`author_email\`,\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`authorEmail_status_idx\` ON \`comments\` (\`author_email\`,\`status\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`authorEmail_post_idx\`;`)
  await db.run(sql`DROP INDEX \`authorEmail_status_idx\`;`)
}
