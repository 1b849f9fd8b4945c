import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_posts_review_status" AS ENUM('none', 'submitted');
  CREATE TYPE "public"."enum__posts_v_version_review_status" AS ENUM('none', 'submitted');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'notifyEditors' BEFORE 'purgeExpiredComments';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'notifyEditors' BEFORE 'purgeExpiredComments';
  ALTER TABLE "posts" ADD COLUMN "review_status" "enum_posts_review_status";
  ALTER TABLE "posts" ADD COLUMN "submitted_for_review_at" timestamp(3) with time zone;
  ALTER TABLE "posts" ADD COLUMN "submitted_for_review_by_id" integer;
  ALTER TABLE "_posts_v" ADD COLUMN "version_review_status" "enum__posts_v_version_review_status";
  ALTER TABLE "_posts_v" ADD COLUMN "version_submitted_for_review_at" timestamp(3) with time zone;
  ALTER TABLE "_posts_v" ADD COLUMN "version_submitted_for_review_by_id" integer;
  ALTER TABLE "posts" ADD CONSTRAINT "posts_submitted_for_review_by_id_users_id_fk" FOREIGN KEY ("submitted_for_review_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_submitted_for_review_by_id_users_id_fk" FOREIGN KEY ("version_submitted_for_review_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "posts_review_status_idx" ON "posts" USING btree ("review_status");
  CREATE INDEX "posts_submitted_for_review_by_idx" ON "posts" USING btree ("submitted_for_review_by_id");
  CREATE INDEX "_posts_v_version_version_review_status_idx" ON "_posts_v" USING btree ("version_review_status");
  CREATE INDEX "_posts_v_version_version_submitted_for_review_by_idx" ON "_posts_v" USING btree ("version_submitted_for_review_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "posts" DROP CONSTRAINT "posts_submitted_for_review_by_id_users_id_fk";
  
  ALTER TABLE "_posts_v" DROP CONSTRAINT "_posts_v_version_submitted_for_review_by_id_users_id_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyModerators', 'purgeExpiredComments', 'recheckSpam', 'reportToAkismet', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyModerators', 'purgeExpiredComments', 'recheckSpam', 'reportToAkismet', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "posts_review_status_idx";
  DROP INDEX "posts_submitted_for_review_by_idx";
  DROP INDEX "_posts_v_version_version_review_status_idx";
  DROP INDEX "_posts_v_version_version_submitted_for_review_by_idx";
  ALTER TABLE "posts" DROP COLUMN "review_status";
  ALTER TABLE "posts" DROP COLUMN "submitted_for_review_at";
  ALTER TABLE "posts" DROP COLUMN "submitted_for_review_by_id";
  ALTER TABLE "_posts_v" DROP COLUMN "version_review_status";
  ALTER TABLE "_posts_v" DROP COLUMN "version_submitted_for_review_at";
  ALTER TABLE "_posts_v" DROP COLUMN "version_submitted_for_review_by_id";
  DROP TYPE "public"."enum_posts_review_status";
  DROP TYPE "public"."enum__posts_v_version_review_status";`)
}
