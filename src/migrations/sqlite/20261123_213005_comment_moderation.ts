import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`audit_entries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`summary\` text NOT NULL,
  	\`actor_type\` text NOT NULL,
  	\`actor_id\` integer,
  	\`actor_name\` text NOT NULL,
  	\`target_type\` text NOT NULL,
  	\`target_id\` text,
  	\`target_label\` text,
  	\`comment_id\` integer,
  	\`post_id\` integer,
  	\`from\` text,
  	\`to\` text,
  	\`reason\` text,
  	\`details\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`comment_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_entries_action_idx\` ON \`audit_entries\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_entries_actor_idx\` ON \`audit_entries\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_entries_target_type_idx\` ON \`audit_entries\` (\`target_type\`);`)
  await db.run(sql`CREATE INDEX \`audit_entries_target_id_idx\` ON \`audit_entries\` (\`target_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_entries_comment_idx\` ON \`audit_entries\` (\`comment_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_entries_post_idx\` ON \`audit_entries\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_entries_updated_at_idx\` ON \`audit_entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_entries_created_at_idx\` ON \`audit_entries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`previous_status\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`status_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`homepage\` text;`)
  await db.run(sql`CREATE INDEX \`comments_status_changed_at_idx\` ON \`comments\` (\`status_changed_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_submitted_by_idx\` ON \`comments\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_ip_idx\` ON \`comments\` (\`ip\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_entries_id\` integer REFERENCES audit_entries(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_entries_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`moderation_mode\` text DEFAULT 'first-time' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`link_limit\` numeric DEFAULT 2 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`moderation_words\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`disallowed_words\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`flood_interval_seconds\` numeric DEFAULT 15 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`retention_days\` numeric DEFAULT 90 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`auto_close_threads\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`auto_close_days\` numeric DEFAULT 14;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`notify_moderators\` integer DEFAULT true;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`audit_entries\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_comments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`post_id\` integer NOT NULL,
  	\`parent_id\` integer,
  	\`author_name\` text NOT NULL,
  	\`author_email\` text NOT NULL,
  	\`author_url\` text,
  	\`body\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`status_reason\` text,
  	\`ip\` text,
  	\`user_agent\` text,
  	\`referrer\` text,
  	\`spam_check_verdict\` text DEFAULT 'unchecked',
  	\`spam_check_checked_at\` text,
  	\`spam_check_details\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_comments\`("id", "post_id", "parent_id", "author_name", "author_email", "author_url", "body", "status", "status_reason", "ip", "user_agent", "referrer", "spam_check_verdict", "spam_check_checked_at", "spam_check_details", "updated_at", "created_at") SELECT "id", "post_id", "parent_id", "author_name", "author_email", "author_url", "body", "status", "status_reason", "ip", "user_agent", "referrer", "spam_check_verdict", "spam_check_checked_at", "spam_check_details", "updated_at", "created_at" FROM \`comments\`;`)
  await db.run(sql`DROP TABLE \`comments\`;`)
  await db.run(sql`ALTER TABLE \`__new_comments\` RENAME TO \`comments\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`comments_post_idx\` ON \`comments\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_parent_idx\` ON \`comments\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_status_idx\` ON \`comments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`comments_updated_at_idx\` ON \`comments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_created_at_idx\` ON \`comments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`posts_id\` integer,
  	\`authors_id\` integer,
  	\`categories_id\` integer,
  	\`comments_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "authors_id", "categories_id", "comments_id", "media_id", "users_id") SELECT "id", "order", "parent_id", "path", "posts_id", "authors_id", "categories_id", "comments_id", "media_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`moderation_mode\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`link_limit\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`moderation_words\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`disallowed_words\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`flood_interval_seconds\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`retention_days\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`auto_close_threads\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`auto_close_days\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`notify_moderators\`;`)
}
