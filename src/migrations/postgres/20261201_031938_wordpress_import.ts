import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'import';
  ALTER TYPE "public"."enum_audit_entries_target_type" ADD VALUE 'import';
  ALTER TABLE "posts" ADD COLUMN "imported_from" varchar;
  ALTER TABLE "posts" ADD COLUMN "legacy_path" varchar;
  ALTER TABLE "posts" ADD COLUMN "legacy_post_id" numeric;
  ALTER TABLE "_posts_v" ADD COLUMN "version_imported_from" varchar;
  ALTER TABLE "_posts_v" ADD COLUMN "version_legacy_path" varchar;
  ALTER TABLE "_posts_v" ADD COLUMN "version_legacy_post_id" numeric;
  ALTER TABLE "comments" ADD COLUMN "imported_from" varchar;
  CREATE UNIQUE INDEX "posts_imported_from_idx" ON "posts" USING btree ("imported_from");
  CREATE INDEX "posts_legacy_path_idx" ON "posts" USING btree ("legacy_path");
  CREATE INDEX "posts_legacy_post_id_idx" ON "posts" USING btree ("legacy_post_id");
  CREATE INDEX "_posts_v_version_version_imported_from_idx" ON "_posts_v" USING btree ("version_imported_from");
  CREATE INDEX "_posts_v_version_version_legacy_path_idx" ON "_posts_v" USING btree ("version_legacy_path");
  CREATE INDEX "_posts_v_version_version_legacy_post_id_idx" ON "_posts_v" USING btree ("version_legacy_post_id");
  CREATE UNIQUE INDEX "comments_imported_from_idx" ON "comments" USING btree ("imported_from");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_entries" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_entries_action";
  CREATE TYPE "public"."enum_audit_entries_action" AS ENUM('comment-status', 'comment-delete', 'comment-purge', 'comment-export', 'thread-close', 'thread-open', 'settings-change');
  ALTER TABLE "audit_entries" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_entries_action" USING "action"::"public"."enum_audit_entries_action";
  ALTER TABLE "audit_entries" ALTER COLUMN "target_type" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_entries_target_type";
  CREATE TYPE "public"."enum_audit_entries_target_type" AS ENUM('comment', 'post', 'settings');
  ALTER TABLE "audit_entries" ALTER COLUMN "target_type" SET DATA TYPE "public"."enum_audit_entries_target_type" USING "target_type"::"public"."enum_audit_entries_target_type";
  DROP INDEX "posts_imported_from_idx";
  DROP INDEX "posts_legacy_path_idx";
  DROP INDEX "posts_legacy_post_id_idx";
  DROP INDEX "_posts_v_version_version_imported_from_idx";
  DROP INDEX "_posts_v_version_version_legacy_path_idx";
  DROP INDEX "_posts_v_version_version_legacy_post_id_idx";
  DROP INDEX "comments_imported_from_idx";
  ALTER TABLE "posts" DROP COLUMN "imported_from";
  ALTER TABLE "posts" DROP COLUMN "legacy_path";
  ALTER TABLE "posts" DROP COLUMN "legacy_post_id";
  ALTER TABLE "_posts_v" DROP COLUMN "version_imported_from";
  ALTER TABLE "_posts_v" DROP COLUMN "version_legacy_path";
  ALTER TABLE "_posts_v" DROP COLUMN "version_legacy_post_id";
  ALTER TABLE "comments" DROP COLUMN "imported_from";`)
}
