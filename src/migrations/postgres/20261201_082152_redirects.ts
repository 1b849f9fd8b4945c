import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_redirects_to_type" AS ENUM('post', 'url');
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'redirect-create';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'redirect-change';
  ALTER TYPE "public"."enum_audit_entries_action" ADD VALUE 'redirect-delete';
  ALTER TYPE "public"."enum_audit_entries_target_type" ADD VALUE 'redirect';
  CREATE TABLE "redirects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to_type" "enum_redirects_to_type" DEFAULT 'post' NOT NULL,
  	"to_post_id" integer,
  	"to_url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "posts" ADD COLUMN "published_slug" varchar;
  ALTER TABLE "_posts_v" ADD COLUMN "version_published_slug" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "redirects_id" integer;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_to_post_id_posts_id_fk" FOREIGN KEY ("to_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "redirects_from_idx" ON "redirects" USING btree ("from");
  CREATE INDEX "redirects_to_to_post_idx" ON "redirects" USING btree ("to_post_id");
  CREATE INDEX "redirects_to_to_url_idx" ON "redirects" USING btree ("to_url");
  CREATE INDEX "redirects_updated_at_idx" ON "redirects" USING btree ("updated_at");
  CREATE INDEX "redirects_created_at_idx" ON "redirects" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_redirects_fk" FOREIGN KEY ("redirects_id") REFERENCES "public"."redirects"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_redirects_id_idx" ON "payload_locked_documents_rels" USING btree ("redirects_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "redirects" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "redirects" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_redirects_fk";
  
  ALTER TABLE "audit_entries" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_entries_action";
  CREATE TYPE "public"."enum_audit_entries_action" AS ENUM('comment-status', 'comment-delete', 'comment-purge', 'comment-export', 'thread-close', 'thread-open', 'settings-change', 'import', 'commenter-block', 'commenter-block-lift', 'commenter-block-change', 'post-submit', 'post-publish');
  ALTER TABLE "audit_entries" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_entries_action" USING "action"::"public"."enum_audit_entries_action";
  ALTER TABLE "audit_entries" ALTER COLUMN "target_type" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_entries_target_type";
  CREATE TYPE "public"."enum_audit_entries_target_type" AS ENUM('comment', 'post', 'settings', 'import', 'commenter-block');
  ALTER TABLE "audit_entries" ALTER COLUMN "target_type" SET DATA TYPE "public"."enum_audit_entries_target_type" USING "target_type"::"public"."enum_audit_entries_target_type";
  DROP INDEX "payload_locked_documents_rels_redirects_id_idx";
  ALTER TABLE "posts" DROP COLUMN "published_slug";
  ALTER TABLE "_posts_v" DROP COLUMN "version_published_slug";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "redirects_id";
  DROP TYPE "public"."enum_redirects_to_type";`)
}
