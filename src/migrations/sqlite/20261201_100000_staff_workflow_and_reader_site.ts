import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`redirects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to_type\` text DEFAULT 'post' NOT NULL,
  	\`to_post_id\` integer,
  	\`to_url\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`to_post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`redirects_from_idx\` ON \`redirects\` (\`from\`);`)
  await db.run(sql`CREATE INDEX \`redirects_to_to_post_idx\` ON \`redirects\` (\`to_post_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_to_to_url_idx\` ON \`redirects\` (\`to_url\`);`)
  await db.run(sql`CREATE INDEX \`redirects_updated_at_idx\` ON \`redirects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`redirects_created_at_idx\` ON \`redirects\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`commenter_blocks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`value\` text NOT NULL,
  	\`reason\` text NOT NULL,
  	\`until\` text,
  	\`lifted\` integer DEFAULT false,
  	\`created_by_id\` integer,
  	\`blocked_by_name\` text,
  	\`lifted_at\` text,
  	\`lifted_by_id\` integer,
  	\`lifted_by_name\` text,
  	\`from_comment_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lifted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`from_comment_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`commenter_blocks_kind_idx\` ON \`commenter_blocks\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`commenter_blocks_value_idx\` ON \`commenter_blocks\` (\`value\`);`)
  await db.run(sql`CREATE INDEX \`commenter_blocks_until_idx\` ON \`commenter_blocks\` (\`until\`);`)
  await db.run(sql`CREATE INDEX \`commenter_blocks_lifted_idx\` ON \`commenter_blocks\` (\`lifted\`);`)
  await db.run(sql`CREATE INDEX \`commenter_blocks_created_by_idx\` ON \`commenter_blocks\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`commenter_blocks_lifted_by_idx\` ON \`commenter_blocks\` (\`lifted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`commenter_blocks_from_comment_idx\` ON \`commenter_blocks\` (\`from_comment_id\`);`)
  await db.run(sql`CREATE INDEX \`commenter_blocks_updated_at_idx\` ON \`commenter_blocks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`commenter_blocks_created_at_idx\` ON \`commenter_blocks\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`featured_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`published_slug\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`review_status\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`submitted_for_review_at\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`submitted_for_review_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`posts_featured_image_idx\` ON \`posts\` (\`featured_image_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_meta_meta_image_idx\` ON \`posts\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_review_status_idx\` ON \`posts\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`posts_submitted_for_review_by_idx\` ON \`posts\` (\`submitted_for_review_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_featured_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_meta_image_id\` integer REFERENCES media(id);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_published_slug\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_review_status\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_submitted_for_review_at\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_submitted_for_review_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_featured_image_idx\` ON \`_posts_v\` (\`version_featured_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_meta_version_meta_image_idx\` ON \`_posts_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_review_status_idx\` ON \`_posts_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_submitted_for_review_by_idx\` ON \`_posts_v\` (\`version_submitted_for_review_by_id\`);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`agency_response\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`title\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notification_frequency\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`last_digest_at\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`redirects_id\` integer REFERENCES redirects(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`commenter_blocks_id\` integer REFERENCES commenter_blocks(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_commenter_blocks_id_idx\` ON \`payload_locked_documents_rels\` (\`commenter_blocks_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`time_zone\` text DEFAULT 'UTC';`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`feed_content\` text DEFAULT 'summary';`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`analytics_script_url\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`analytics_report_hosts\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`redirects\`;`)
  await db.run(sql`DROP TABLE \`commenter_blocks\`;`)
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
  	\`imported_from\` text,
  	\`legacy_path\` text,
  	\`legacy_post_id\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`comments_closed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_posts\`("id", "title", "excerpt", "body", "archived", "archived_at", "archive_notice", "comment_status", "comments_closed_at", "comments_closed_by_id", "comments_closed_reason", "slug", "published_at", "created_by_id", "imported_from", "legacy_path", "legacy_post_id", "updated_at", "created_at", "_status") SELECT "id", "title", "excerpt", "body", "archived", "archived_at", "archive_notice", "comment_status", "comments_closed_at", "comments_closed_by_id", "comments_closed_reason", "slug", "published_at", "created_by_id", "imported_from", "legacy_path", "legacy_post_id", "updated_at", "created_at", "_status" FROM \`posts\`;`)
  await db.run(sql`DROP TABLE \`posts\`;`)
  await db.run(sql`ALTER TABLE \`__new_posts\` RENAME TO \`posts\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`posts_archived_idx\` ON \`posts\` (\`archived\`);`)
  await db.run(sql`CREATE INDEX \`posts_comments_closed_by_idx\` ON \`posts\` (\`comments_closed_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`posts_slug_idx\` ON \`posts\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`posts_published_at_idx\` ON \`posts\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`posts_created_by_idx\` ON \`posts\` (\`created_by_id\`);`)
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
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__posts_v\`("id", "parent_id", "version_title", "version_excerpt", "version_body", "version_archived", "version_archived_at", "version_archive_notice", "version_comment_status", "version_comments_closed_at", "version_comments_closed_by_id", "version_comments_closed_reason", "version_slug", "version_published_at", "version_created_by_id", "version_imported_from", "version_legacy_path", "version_legacy_post_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_excerpt", "version_body", "version_archived", "version_archived_at", "version_archive_notice", "version_comment_status", "version_comments_closed_at", "version_comments_closed_by_id", "version_comments_closed_reason", "version_slug", "version_published_at", "version_created_by_id", "version_imported_from", "version_legacy_path", "version_legacy_post_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_posts_v\`;`)
  await db.run(sql`DROP TABLE \`_posts_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__posts_v\` RENAME TO \`_posts_v\`;`)
  await db.run(sql`CREATE INDEX \`_posts_v_parent_idx\` ON \`_posts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_archived_idx\` ON \`_posts_v\` (\`version_archived\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_comments_closed_by_idx\` ON \`_posts_v\` (\`version_comments_closed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_slug_idx\` ON \`_posts_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_published_at_idx\` ON \`_posts_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_by_idx\` ON \`_posts_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_imported_from_idx\` ON \`_posts_v\` (\`version_imported_from\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_legacy_path_idx\` ON \`_posts_v\` (\`version_legacy_path\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_legacy_post_id_idx\` ON \`_posts_v\` (\`version_legacy_post_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_updated_at_idx\` ON \`_posts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_at_idx\` ON \`_posts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version__status_idx\` ON \`_posts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_created_at_idx\` ON \`_posts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_updated_at_idx\` ON \`_posts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_latest_idx\` ON \`_posts_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`posts_id\` integer,
  	\`authors_id\` integer,
  	\`categories_id\` integer,
  	\`comments_id\` integer,
  	\`audit_entries_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_entries_id\`) REFERENCES \`audit_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "authors_id", "categories_id", "comments_id", "audit_entries_id", "media_id", "users_id") SELECT "id", "order", "parent_id", "path", "posts_id", "authors_id", "categories_id", "comments_id", "audit_entries_id", "media_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`agency_response\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`title\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notification_frequency\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`last_digest_at\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`time_zone\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`feed_content\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`analytics_script_url\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`analytics_report_hosts\`;`)
}
