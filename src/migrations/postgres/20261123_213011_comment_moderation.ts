import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_comments_previous_status" AS ENUM('pending', 'approved', 'spam', 'trash');
  CREATE TYPE "public"."enum_audit_entries_action" AS ENUM('comment-status', 'comment-delete', 'comment-purge', 'comment-export', 'thread-close', 'thread-open', 'settings-change');
  CREATE TYPE "public"."enum_audit_entries_actor_type" AS ENUM('user', 'system');
  CREATE TYPE "public"."enum_audit_entries_target_type" AS ENUM('comment', 'post', 'settings');
  CREATE TYPE "public"."enum_site_settings_moderation_mode" AS ENUM('all', 'first-time', 'none');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'notifyModerators' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'purgeExpiredComments' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'notifyModerators' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'purgeExpiredComments' BEFORE 'schedulePublish';
  CREATE TABLE "audit_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_entries_action" NOT NULL,
  	"summary" varchar NOT NULL,
  	"actor_type" "enum_audit_entries_actor_type" NOT NULL,
  	"actor_id" integer,
  	"actor_name" varchar NOT NULL,
  	"target_type" "enum_audit_entries_target_type" NOT NULL,
  	"target_id" varchar,
  	"target_label" varchar,
  	"comment_id" integer,
  	"post_id" integer,
  	"from" varchar,
  	"to" varchar,
  	"reason" varchar,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "comments" ADD COLUMN "previous_status" "enum_comments_previous_status";
  ALTER TABLE "comments" ADD COLUMN "status_changed_at" timestamp(3) with time zone;
  ALTER TABLE "comments" ADD COLUMN "submitted_by_id" integer;
  ALTER TABLE "comments" ADD COLUMN "homepage" varchar;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "audit_entries_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "moderation_mode" "enum_site_settings_moderation_mode" DEFAULT 'first-time' NOT NULL;
  ALTER TABLE "site_settings" ADD COLUMN "link_limit" numeric DEFAULT 2 NOT NULL;
  ALTER TABLE "site_settings" ADD COLUMN "moderation_words" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "disallowed_words" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "flood_interval_seconds" numeric DEFAULT 15 NOT NULL;
  ALTER TABLE "site_settings" ADD COLUMN "retention_days" numeric DEFAULT 90 NOT NULL;
  ALTER TABLE "site_settings" ADD COLUMN "auto_close_threads" boolean DEFAULT false;
  ALTER TABLE "site_settings" ADD COLUMN "auto_close_days" numeric DEFAULT 14;
  ALTER TABLE "site_settings" ADD COLUMN "notify_moderators" boolean DEFAULT true;
  ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "audit_entries_action_idx" ON "audit_entries" USING btree ("action");
  CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" USING btree ("actor_id");
  CREATE INDEX "audit_entries_target_type_idx" ON "audit_entries" USING btree ("target_type");
  CREATE INDEX "audit_entries_target_id_idx" ON "audit_entries" USING btree ("target_id");
  CREATE INDEX "audit_entries_comment_idx" ON "audit_entries" USING btree ("comment_id");
  CREATE INDEX "audit_entries_post_idx" ON "audit_entries" USING btree ("post_id");
  CREATE INDEX "audit_entries_updated_at_idx" ON "audit_entries" USING btree ("updated_at");
  CREATE INDEX "audit_entries_created_at_idx" ON "audit_entries" USING btree ("created_at");
  ALTER TABLE "comments" ADD CONSTRAINT "comments_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_entries_fk" FOREIGN KEY ("audit_entries_id") REFERENCES "public"."audit_entries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "comments_status_changed_at_idx" ON "comments" USING btree ("status_changed_at");
  CREATE INDEX "comments_submitted_by_idx" ON "comments" USING btree ("submitted_by_id");
  CREATE INDEX "comments_ip_idx" ON "comments" USING btree ("ip");
  CREATE INDEX "payload_locked_documents_rels_audit_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_entries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "audit_entries" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "comments" DROP CONSTRAINT "comments_submitted_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_audit_entries_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "comments_status_changed_at_idx";
  DROP INDEX "comments_submitted_by_idx";
  DROP INDEX "comments_ip_idx";
  DROP INDEX "payload_locked_documents_rels_audit_entries_id_idx";
  ALTER TABLE "comments" DROP COLUMN "previous_status";
  ALTER TABLE "comments" DROP COLUMN "status_changed_at";
  ALTER TABLE "comments" DROP COLUMN "submitted_by_id";
  ALTER TABLE "comments" DROP COLUMN "homepage";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "audit_entries_id";
  ALTER TABLE "site_settings" DROP COLUMN "moderation_mode";
  ALTER TABLE "site_settings" DROP COLUMN "link_limit";
  ALTER TABLE "site_settings" DROP COLUMN "moderation_words";
  ALTER TABLE "site_settings" DROP COLUMN "disallowed_words";
  ALTER TABLE "site_settings" DROP COLUMN "flood_interval_seconds";
  ALTER TABLE "site_settings" DROP COLUMN "retention_days";
  ALTER TABLE "site_settings" DROP COLUMN "auto_close_threads";
  ALTER TABLE "site_settings" DROP COLUMN "auto_close_days";
  ALTER TABLE "site_settings" DROP COLUMN "notify_moderators";
  DROP TYPE "public"."enum_comments_previous_status";
  DROP TYPE "public"."enum_audit_entries_action";
  DROP TYPE "public"."enum_audit_entries_actor_type";
  DROP TYPE "public"."enum_audit_entries_target_type";
  DROP TYPE "public"."enum_site_settings_moderation_mode";`)
}
