import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`posts\` ADD \`featured_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`posts_featured_image_idx\` ON \`posts\` (\`featured_image_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_meta_meta_image_idx\` ON \`posts\` (\`meta_image_id\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_featured_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_featured_image_idx\` ON \`_posts_v\` (\`version_featured_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_meta_version_meta_image_idx\` ON \`_posts_v\` (\`version_meta_image_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_posts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`excerpt\` text,
  	\`body\` text,
  	\`archived\` integer DEFAULT false,
  	\`archived_at\` text,
  	\`archive_notice\` text,
  	\`comment_status\` text DEFAULT 'open',
  	\`comments_closed_at\` text,
  	\`comments_closed_by_id\` integer,
  	\`comments_closed_reason\` text,
  	\`slug\` text,
  	\`published_at\` text,
  	\`created_by_id\` integer,
  	\`review_status\` text,
  	\`submitted_for_review_at\` text,
  	\`submitted_for_review_by_id\` integer,
  	\`imported_from\` text,
  	\`legacy_path\` text,
  	\`legacy_post_id\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`comments_closed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_for_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_posts\`("id", "title", "excerpt", "body", "archived", "archived_at", "archive_notice", "comment_status", "comments_closed_at", "comments_closed_by_id", "comments_closed_reason", "slug", "published_at", "created_by_id", "review_status", "submitted_for_review_at", "submitted_for_review_by_id", "imported_from", "legacy_path", "legacy_post_id", "updated_at", "created_at", "_status") SELECT "id", "title", "excerpt", "body", "archived", "archived_at", "archive_notice", "comment_status", "comments_closed_at", "comments_closed_by_id", "comments_closed_reason", "slug", "published_at", "created_by_id", "review_status", "submitted_for_review_at", "submitted_for_review_by_id", "imported_from", "legacy_path", "legacy_post_id", "updated_at", "created_at", "_status" FROM \`posts\`;`)
  await db.run(sql`DROP TABLE \`posts\`;`)
  await db.run(sql`ALTER TABLE \`__new_posts\` RENAME TO \`posts\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`posts_archived_idx\` ON \`posts\` (\`archived\`);`)
  await db.run(sql`CREATE INDEX \`posts_comments_closed_by_idx\` ON \`posts\` (\`comments_closed_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`posts_slug_idx\` ON \`posts\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`posts_published_at_idx\` ON \`posts\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`posts_created_by_idx\` ON \`posts\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_review_status_idx\` ON \`posts\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`posts_submitted_for_review_by_idx\` ON \`posts\` (\`submitted_for_review_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`posts_imported_from_idx\` ON \`posts\` (\`imported_from\`);`)
  await db.run(sql`CREATE INDEX \`posts_legacy_path_idx\` ON \`posts\` (\`legacy_path\`);`)
  await db.run(sql`CREATE INDEX \`posts_legacy_post_id_idx\` ON \`posts\` (\`legacy_post_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_updated_at_idx\` ON \`posts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`posts_created_at_idx\` ON \`posts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`posts__status_idx\` ON \`posts\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__posts_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_excerpt\` text,
  	\`version_body\` text,
  	\`version_archived\` integer DEFAULT false,
  	\`version_archived_at\` text,
  	\`version_archive_notice\` text,
  	\`version_comment_status\` text DEFAULT 'open',
  	\`version_comments_closed_at\` text,
  	\`version_comments_closed_by_id\` integer,
  	\`version_comments_closed_reason\` text,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_review_status\` text,
  	\`version_submitted_for_review_at\` text,
  	\`version_submitted_for_review_by_id\` integer,
  	\`version_imported_from\` text,
  	\`version_legacy_path\` text,
  	\`version_legacy_post_id\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_comments_closed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_for_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__posts_v\`("id", "parent_id", "version_title", "version_excerpt", "version_body", "version_archived", "version_archived_at", "version_archive_notice", "version_comment_status", "version_comments_closed_at", "version_comments_closed_by_id", "version_comments_closed_reason", "version_slug", "version_published_at", "version_created_by_id", "version_review_status", "version_submitted_for_review_at", "version_submitted_for_review_by_id", "version_imported_from", "version_legacy_path", "version_legacy_post_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_excerpt", "version_body", "version_archived", "version_archived_at", "version_archive_notice", "version_comment_status", "version_comments_closed_at", "version_comments_closed_by_id", "version_comments_closed_reason", "version_slug", "version_published_at", "version_created_by_id", "version_review_status", "version_submitted_for_review_at", "version_submitted_for_review_by_id", "version_imported_from", "version_legacy_path", "version_legacy_post_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_posts_v\`;`)
  await db.run(sql`DROP TABLE \`_posts_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__posts_v\` RENAME TO \`_posts_v\`;`)
  await db.run(sql`CREATE INDEX \`_posts_v_parent_idx\` ON \`_posts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_archived_idx\` ON \`_posts_v\` (\`version_archived\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_comments_closed_by_idx\` ON \`_posts_v\` (\`version_comments_closed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_slug_idx\` ON \`_posts_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_published_at_idx\` ON \`_posts_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_by_idx\` ON \`_posts_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_review_status_idx\` ON \`_posts_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_submitted_for_review_by_idx\` ON \`_posts_v\` (\`version_submitted_for_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_imported_from_idx\` ON \`_posts_v\` (\`version_imported_from\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_legacy_path_idx\` ON \`_posts_v\` (\`version_legacy_path\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_legacy_post_id_idx\` ON \`_posts_v\` (\`version_legacy_post_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_updated_at_idx\` ON \`_posts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_at_idx\` ON \`_posts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version__status_idx\` ON \`_posts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_created_at_idx\` ON \`_posts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_updated_at_idx\` ON \`_posts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_latest_idx\` ON \`_posts_v\` (\`latest\`);`)
}
