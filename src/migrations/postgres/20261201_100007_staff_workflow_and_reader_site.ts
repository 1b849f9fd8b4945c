import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_posts_review_status" AS ENUM('none', 'submitted');
  CREATE TYPE "public"."enum__posts_v_version_review_status" AS ENUM('none', 'submitted');
  CREATE TYPE "public"."enum_redirects_to_type" AS ENUM('post', 'url');
  CREATE TYPE "public"."enum_commenter_blocks_kind" AS ENUM('email', 'ip', 'range');
  CREATE TYPE "public"."enum_users_notification_frequency" AS ENUM('immediate', 'hourly', 'daily', 'none');
  CREATE TYPE "public"."enum_site_settings_feed_content" AS ENUM('summary', 'full');
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'commenter-block';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'commenter-block-lift';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'commenter-block-change';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'post-submit';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'post-publish';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'redirect-create';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'redirect-change';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'redirect-delete';
  ALTER TYPE "public"."enum_audit_entries_target_type" ADD VALUE 'commenter-block';
  ALTER TYPE "public"."enum_audit_entries_target_type" ADD VALUE 'redirect';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'notifyEditors' BEFORE 'purgeExpiredComments';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendModerationDigests' BEFORE 'purgeExpiredComments';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'notifyEditors' BEFORE 'purgeExpiredComments';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendModerationDigests' BEFORE 'purgeExpiredComments';
  CREATE TABLE "redirects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to_type" "enum_redirects_to_type" DEFAULT 'post' NOT NULL,
  	"to_post_id" integer,
  	"to_url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "commenter_blocks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_commenter_blocks_kind" NOT NULL,
  	"value" varchar NOT NULL,
  	"reason" varchar NOT NULL,
  	"until" timestamp(3) with time zone,
  	"lifted" boolean DEFAULT false,
  	"created_by_id" integer,
  	"blocked_by_name" varchar,
  	"lifted_at" timestamp(3) with time zone,
  	"lifted_by_id" integer,
  	"lifted_by_name" varchar,
  	"from_comment_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "posts" ADD COLUMN "featured_image_id" integer;
  ALTER TABLE "posts" ADD COLUMN "meta_title" varchar;
  ALTER TABLE "posts" ADD COLUMN "meta_description" varchar;
  ALTER TABLE "posts" ADD COLUMN "meta_image_id" integer;
  ALTER TABLE "posts" ADD COLUMN "published_slug" varchar;
  ALTER TABLE "posts" ADD COLUMN "review_status" "enum_posts_review_status";
  ALTER TABLE "posts" ADD COLUMN "submitted_for_review_at" timestamp(3) with time zone;
  ALTER TABLE "posts" ADD COLUMN "submitted_for_review_by_id" integer;
  ALTER TABLE "_posts_v" ADD COLUMN "version_featured_image_id" integer;
  ALTER TABLE "_posts_v" ADD COLUMN "version_meta_title" varchar;
  ALTER TABLE "_posts_v" ADD COLUMN "version_meta_description" varchar;
  ALTER TABLE "_posts_v" ADD COLUMN "version_meta_image_id" integer;
  ALTER TABLE "_posts_v" ADD COLUMN "version_published_slug" varchar;
  ALTER TABLE "_posts_v" ADD COLUMN "version_review_status" "enum__posts_v_version_review_status";
  ALTER TABLE "_posts_v" ADD COLUMN "version_submitted_for_review_at" timestamp(3) with time zone;
  ALTER TABLE "_posts_v" ADD COLUMN "version_submitted_for_review_by_id" integer;
  ALTER TABLE "comments" ADD COLUMN "agency_response" varchar;
  ALTER TABLE "users" ADD COLUMN "title" varchar;
  ALTER TABLE "users" ADD COLUMN "notification_frequency" "enum_users_notification_frequency";
  ALTER TABLE "users" ADD COLUMN "last_digest_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "redirects_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "commenter_blocks_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "time_zone" varchar DEFAULT 'UTC';
  ALTER TABLE "site_settings" ADD COLUMN "feed_content" "enum_site_settings_feed_content" DEFAULT 'summary';
  ALTER TABLE "site_settings" ADD COLUMN "analytics_script_url" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "analytics_report_hosts" varchar;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_to_post_id_posts_id_fk" FOREIGN KEY ("to_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commenter_blocks" ADD CONSTRAINT "commenter_blocks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commenter_blocks" ADD CONSTRAINT "commenter_blocks_lifted_by_id_users_id_fk" FOREIGN KEY ("lifted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commenter_blocks" ADD CONSTRAINT "commenter_blocks_from_comment_id_comments_id_fk" FOREIGN KEY ("from_comment_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "redirects_from_idx" ON "redirects" USING btree ("from");
  CREATE INDEX "redirects_to_to_post_idx" ON "redirects" USING btree ("to_post_id");
  CREATE INDEX "redirects_to_to_url_idx" ON "redirects" USING btree ("to_url");
  CREATE INDEX "redirects_updated_at_idx" ON "redirects" USING btree ("updated_at");
  CREATE INDEX "redirects_created_at_idx" ON "redirects" USING btree ("created_at");
  CREATE INDEX "commenter_blocks_kind_idx" ON "commenter_blocks" USING btree ("kind");
  CREATE INDEX "commenter_blocks_value_idx" ON "commenter_blocks" USING btree ("value");
  CREATE INDEX "commenter_blocks_until_idx" ON "commenter_blocks" USING btree ("until");
  CREATE INDEX "commenter_blocks_lifted_idx" ON "commenter_blocks" USING btree ("lifted");
  CREATE INDEX "commenter_blocks_created_by_idx" ON "commenter_blocks" USING btree ("created_by_id");
  CREATE INDEX "commenter_blocks_lifted_by_idx" ON "commenter_blocks" USING btree ("lifted_by_id");
  CREATE INDEX "commenter_blocks_from_comment_idx" ON "commenter_blocks" USING btree ("from_comment_id");
  CREATE INDEX "commenter_blocks_updated_at_idx" ON "commenter_blocks" USING btree ("updated_at");
  CREATE INDEX "commenter_blocks_created_at_idx" ON "commenter_blocks" USING btree ("created_at");
  ALTER TABLE "posts" ADD CONSTRAINT "posts_featured_image_id_media_id_fk" FOREIGN KEY ("featured_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts" ADD CONSTRAINT "posts_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts" ADD CONSTRAINT "posts_submitted_for_review_by_id_users_id_fk" FOREIGN KEY ("submitted_for_review_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_featured_image_id_media_id_fk" FOREIGN KEY ("version_featured_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_meta_image_id_media_id_fk" FOREIGN KEY ("version_meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_submitted_for_review_by_id_users_id_fk" FOREIGN KEY ("version_submitted_for_review_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_redirects_fk" FOREIGN KEY ("redirects_id") REFERENCES "public"."redirects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_commenter_blocks_fk" FOREIGN KEY ("commenter_blocks_id") REFERENCES "public"."commenter_blocks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "posts_featured_image_idx" ON "posts" USING btree ("featured_image_id");
  CREATE INDEX "posts_meta_meta_image_idx" ON "posts" USING btree ("meta_image_id");
  CREATE INDEX "posts_review_status_idx" ON "posts" USING btree ("review_status");
  CREATE INDEX "posts_submitted_for_review_by_idx" ON "posts" USING btree ("submitted_for_review_by_id");
  CREATE INDEX "_posts_v_version_version_featured_image_idx" ON "_posts_v" USING btree ("version_featured_image_id");
  CREATE INDEX "_posts_v_version_meta_version_meta_image_idx" ON "_posts_v" USING btree ("version_meta_image_id");
  CREATE INDEX "_posts_v_version_version_review_status_idx" ON "_posts_v" USING btree ("version_review_status");
  CREATE INDEX "_posts_v_version_version_submitted_for_review_by_idx" ON "_posts_v" USING btree ("version_submitted_for_review_by_id");
  CREATE INDEX "payload_locked_documents_rels_redirects_id_idx" ON "payload_locked_documents_rels" USING btree ("redirects_id");
  CREATE INDEX "payload_locked_documents_rels_commenter_blocks_id_idx" ON "payload_locked_documents_rels" USING btree ("commenter_blocks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "redirects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "commenter_blocks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "redirects" CASCADE;
  DROP TABLE "commenter_blocks" CASCADE;
  ALTER TABLE "posts" DROP CONSTRAINT "posts_featured_image_id_media_id_fk";
  
  ALTER TABLE "posts" DROP CONSTRAINT "posts_meta_image_id_media_id_fk";
  
  ALTER TABLE "posts" DROP CONSTRAINT "posts_submitted_for_review_by_id_users_id_fk";
  
  ALTER TABLE "_posts_v" DROP CONSTRAINT "_posts_v_version_featured_image_id_media_id_fk";
  
  ALTER TABLE "_posts_v" DROP CONSTRAINT "_posts_v_version_meta_image_id_media_id_fk";
  
  ALTER TABLE "_posts_v" DROP CONSTRAINT "_posts_v_version_submitted_for_review_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_redirects_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_commenter_blocks_fk";
  
  ALTER TABLE "audit_entries" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_entries_action";
  CREATE TYPE "public"."enum_audit_entries_action" AS ENUM('comment-status', 'comment-delete', 'comment-purge', 'comment-export', 'thread-close', 'thread-open', 'settings-change', 'import');
  ALTER TABLE "audit_entries" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_entries_action" USING "action"::"public"."enum_audit_entries_action";
  ALTER TABLE "audit_entries" ALTER COLUMN "target_type" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_entries_target_type";
  CREATE TYPE "public"."enum_audit_entries_target_type" AS ENUM('comment', 'post', 'settings', 'import');
  ALTER TABLE "audit_entries" ALTER COLUMN "target_type" SET DATA TYPE "public"."enum_audit_entries_target_type" USING "target_type"::"public"."enum_audit_entries_target_type";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyModerators', 'purgeExpiredComments', 'recheckSpam', 'reportToAkismet', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyModerators', 'purgeExpiredComments', 'recheckSpam', 'reportToAkismet', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "posts_featured_image_idx";
  DROP INDEX "posts_meta_meta_image_idx";
  DROP INDEX "posts_review_status_idx";
  DROP INDEX "posts_submitted_for_review_by_idx";
  DROP INDEX "_posts_v_version_version_featured_image_idx";
  DROP INDEX "_posts_v_version_meta_version_meta_image_idx";
  DROP INDEX "_posts_v_version_version_review_status_idx";
  DROP INDEX "_posts_v_version_version_submitted_for_review_by_idx";
  DROP INDEX "payload_locked_documents_rels_redirects_id_idx";
  DROP INDEX "payload_locked_documents_rels_commenter_blocks_id_idx";
  ALTER TABLE "posts" DROP COLUMN "featured_image_id";
  ALTER TABLE "posts" DROP COLUMN "meta_title";
  ALTER TABLE "posts" DROP COLUMN "meta_description";
  ALTER TABLE "posts" DROP COLUMN "meta_image_id";
  ALTER TABLE "posts" DROP COLUMN "published_slug";
  ALTER TABLE "posts" DROP COLUMN "review_status";
  ALTER TABLE "posts" DROP COLUMN "submitted_for_review_at";
  ALTER TABLE "posts" DROP COLUMN "submitted_for_review_by_id";
  ALTER TABLE "_posts_v" DROP COLUMN "version_featured_image_id";
  ALTER TABLE "_posts_v" DROP COLUMN "version_meta_title";
  ALTER TABLE "_posts_v" DROP COLUMN "version_meta_description";
  ALTER TABLE "_posts_v" DROP COLUMN "version_meta_image_id";
  ALTER TABLE "_posts_v" DROP COLUMN "version_published_slug";
  ALTER TABLE "_posts_v" DROP COLUMN "version_review_status";
  ALTER TABLE "_posts_v" DROP COLUMN "version_submitted_for_review_at";
  ALTER TABLE "_posts_v" DROP COLUMN "version_submitted_for_review_by_id";
  ALTER TABLE "comments" DROP COLUMN "agency_response";
  ALTER TABLE "users" DROP COLUMN "title";
  ALTER TABLE "users" DROP COLUMN "notification_frequency";
  ALTER TABLE "users" DROP COLUMN "last_digest_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "redirects_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "commenter_blocks_id";
  ALTER TABLE "site_settings" DROP COLUMN "time_zone";
  ALTER TABLE "site_settings" DROP COLUMN "feed_content";
  ALTER TABLE "site_settings" DROP COLUMN "analytics_script_url";
  ALTER TABLE "site_settings" DROP COLUMN "analytics_report_hosts";
  DROP TYPE "public"."enum_posts_review_status";
  DROP TYPE "public"."enum__posts_v_version_review_status";
  DROP TYPE "public"."enum_redirects_to_type";
  DROP TYPE "public"."enum_commenter_blocks_kind";
  DROP TYPE "public"."enum_users_notification_frequency";
  DROP TYPE "public"."enum_site_settings_feed_content";`)
}
