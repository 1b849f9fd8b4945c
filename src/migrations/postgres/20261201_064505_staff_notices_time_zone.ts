import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_notification_frequency" AS ENUM('immediate', 'hourly', 'daily', 'none');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendModerationDigests' BEFORE 'purgeExpiredComments';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendModerationDigests' BEFORE 'purgeExpiredComments';
  ALTER TABLE "users" ADD COLUMN "notification_frequency" "enum_users_notification_frequency";
  ALTER TABLE "users" ADD COLUMN "last_digest_at" timestamp(3) with time zone;
  ALTER TABLE "site_settings" ADD COLUMN "time_zone" varchar DEFAULT 'UTC';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'notifyModerators', 'purgeExpiredComments', 'recheckSpam', 'reportToAkismet', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'notifyModerators', 'purgeExpiredComments', 'recheckSpam', 'reportToAkismet', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  ALTER TABLE "users" DROP COLUMN "notification_frequency";
  ALTER TABLE "users" DROP COLUMN "last_digest_at";
  ALTER TABLE "site_settings" DROP COLUMN "time_zone";
  DROP TYPE "public"."enum_users_notification_frequency";`)
}
