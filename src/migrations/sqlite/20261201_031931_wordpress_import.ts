import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`posts\` ADD \`imported_from\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`legacy_path\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`legacy_post_id\` numeric;`)
  await db.run(sql`CREATE UNIQUE INDEX \`posts_imported_from_idx\` ON \`posts\` (\`imported_from\`);`)
  await db.run(sql`CREATE INDEX \`posts_legacy_path_idx\` ON \`posts\` (\`legacy_path\`);`)
  await db.run(sql`CREATE INDEX \`posts_legacy_post_id_idx\` ON \`posts\` (\`legacy_post_id\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_imported_from\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_legacy_path\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_legacy_post_id\` numeric;`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_imported_from_idx\` ON \`_posts_v\` (\`version_imported_from\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_legacy_path_idx\` ON \`_posts_v\` (\`version_legacy_path\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_legacy_post_id_idx\` ON \`_posts_v\` (\`version_legacy_post_id\`);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`imported_from\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`comments_imported_from_idx\` ON \`comments\` (\`imported_from\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`posts_imported_from_idx\`;`)
  await db.run(sql`DROP INDEX \`posts_legacy_path_idx\`;`)
  await db.run(sql`DROP INDEX \`posts_legacy_post_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`imported_from\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`legacy_path\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`legacy_post_id\`;`)
  await db.run(sql`DROP INDEX \`_posts_v_version_version_imported_from_idx\`;`)
  await db.run(sql`DROP INDEX \`_posts_v_version_version_legacy_path_idx\`;`)
  await db.run(sql`DROP INDEX \`_posts_v_version_version_legacy_post_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` DROP COLUMN \`version_imported_from\`;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` DROP COLUMN \`version_legacy_path\`;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` DROP COLUMN \`version_legacy_post_id\`;`)
  await db.run(sql`DROP INDEX \`comments_imported_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`imported_from\`;`)
}
