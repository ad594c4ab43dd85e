import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_comments_status" AS ENUM('pending', 'approved', 'spam', 'trash');
  CREATE TYPE "public"."enum_discussion_order" AS ENUM('oldest', 'newest');
  CREATE TABLE "comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"excerpt" varchar,
  	"article_id" integer NOT NULL,
  	"parent_id" integer,
  	"body" varchar NOT NULL,
  	"author_name" varchar,
  	"author_email" varchar,
  	"author_url" varchar,
  	"status" "enum_comments_status" DEFAULT 'pending' NOT NULL,
  	"verdict" jsonb,
  	"ip" varchar,
  	"ip_hash" varchar,
  	"user_agent" varchar,
  	"notify" boolean DEFAULT false,
  	"moderated_by_id" integer,
  	"moderated_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "discussion" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"comments_enabled" boolean DEFAULT true,
  	"close_after_days" numeric DEFAULT 0,
  	"require_name_email" boolean DEFAULT true,
  	"manual_approval" boolean DEFAULT true,
  	"trust_approved_authors" boolean DEFAULT true,
  	"hold_link_count" numeric DEFAULT 2,
  	"moderation_words" varchar,
  	"disallowed_words" varchar,
  	"thread_depth" numeric DEFAULT 3,
  	"per_page" numeric DEFAULT 50,
  	"order" "enum_discussion_order" DEFAULT 'oldest',
  	"min_seconds_to_submit" numeric DEFAULT 3,
  	"per_ip_per_hour" numeric DEFAULT 20,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles" ADD COLUMN "comments_open" boolean DEFAULT true;
  ALTER TABLE "_articles_v" ADD COLUMN "version_comments_open" boolean DEFAULT true;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comments_id" integer;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_moderated_by_id_users_id_fk" FOREIGN KEY ("moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "comments_article_idx" ON "comments" USING btree ("article_id");
  CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");
  CREATE INDEX "comments_status_idx" ON "comments" USING btree ("status");
  CREATE INDEX "comments_ip_hash_idx" ON "comments" USING btree ("ip_hash");
  CREATE INDEX "comments_moderated_by_idx" ON "comments" USING btree ("moderated_by_id");
  CREATE INDEX "comments_updated_at_idx" ON "comments" USING btree ("updated_at");
  CREATE INDEX "comments_created_at_idx" ON "comments" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comments_fk" FOREIGN KEY ("comments_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("comments_id");`)

  // Flood and per-address limits (lib/comments/throttle.ts): not a Payload collection, one
  // atomic upsert per check so the limits hold across app instances.
  await db.execute(sql`
  CREATE TABLE IF NOT EXISTS "comment_throttle" (
  	"key" varchar PRIMARY KEY NOT NULL,
  	"last_at" timestamp(3) with time zone NOT NULL,
  	"window_start" timestamp(3) with time zone,
  	"count" integer DEFAULT 0 NOT NULL
  );
  CREATE INDEX IF NOT EXISTS "comment_throttle_last_at_idx" ON "comment_throttle" USING btree ("last_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "comment_throttle";`)
  await db.execute(sql`
   ALTER TABLE "comments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "discussion" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "comments" CASCADE;
  DROP TABLE "discussion" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comments_fk";
  
  DROP INDEX "payload_locked_documents_rels_comments_id_idx";
  ALTER TABLE "articles" DROP COLUMN "comments_open";
  ALTER TABLE "_articles_v" DROP COLUMN "version_comments_open";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comments_id";
  DROP TYPE "public"."enum_comments_status";
  DROP TYPE "public"."enum_discussion_order";`)
}
