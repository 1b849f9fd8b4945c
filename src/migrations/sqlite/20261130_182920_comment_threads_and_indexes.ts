import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comments\` ADD \`thread_id\` integer REFERENCES comments(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`comments_thread_idx\` ON \`comments\` (\`thread_id\`);`)
  await db.run(sql`CREATE INDEX \`post_status_createdAt_idx\` ON \`comments\` (\`post_id\`,\`status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`thread_status_createdAt_idx\` ON \`comments\` (\`thread_id\`,\`status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_createdAt_idx\` ON \`comments\` (\`status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`ip_createdAt_idx\` ON \`comments\` (\`ip\`,\`created_at\`);`)
  // Every existing reply joins the thread of its top-level comment (written by hand).
  await db.run(sql`
    WITH RECURSIVE chain(id, root) AS (
      SELECT id, id FROM comments WHERE parent_id IS NULL
      UNION ALL
      SELECT c.id, chain.root FROM comments c JOIN chain ON c.parent_id = chain.id
    )
    UPDATE comments SET thread_id = (SELECT root FROM chain WHERE chain.id = comments.id)
    WHERE parent_id IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
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
  	\`status_rule\` text,
  	\`previous_status\` text,
  	\`status_changed_at\` text,
  	\`submitted_by_id\` integer,
  	\`homepage\` text,
  	\`ip\` text,
  	\`user_agent\` text,
  	\`referrer\` text,
  	\`spam_check_verdict\` text DEFAULT 'unchecked',
  	\`spam_check_checked_at\` text,
  	\`spam_check_discard\` integer DEFAULT false,
  	\`spam_check_details\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_comments\`("id", "post_id", "parent_id", "author_name", "author_email", "author_url", "body", "status", "status_reason", "status_rule", "previous_status", "status_changed_at", "submitted_by_id", "homepage", "ip", "user_agent", "referrer", "spam_check_verdict", "spam_check_checked_at", "spam_check_discard", "spam_check_details", "updated_at", "created_at") SELECT "id", "post_id", "parent_id", "author_name", "author_email", "author_url", "body", "status", "status_reason", "status_rule", "previous_status", "status_changed_at", "submitted_by_id", "homepage", "ip", "user_agent", "referrer", "spam_check_verdict", "spam_check_checked_at", "spam_check_discard", "spam_check_details", "updated_at", "created_at" FROM \`comments\`;`)
  await db.run(sql`DROP TABLE \`comments\`;`)
  await db.run(sql`ALTER TABLE \`__new_comments\` RENAME TO \`comments\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`comments_post_idx\` ON \`comments\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_parent_idx\` ON \`comments\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_status_idx\` ON \`comments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`comments_status_changed_at_idx\` ON \`comments\` (\`status_changed_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_submitted_by_idx\` ON \`comments\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_ip_idx\` ON \`comments\` (\`ip\`);`)
  await db.run(sql`CREATE INDEX \`comments_updated_at_idx\` ON \`comments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_created_at_idx\` ON \`comments\` (\`created_at\`);`)
}
