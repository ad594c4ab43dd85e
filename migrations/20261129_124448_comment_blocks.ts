import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "comment_blocks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"comment_id" integer,
  	"author_name" varchar,
  	"email_hint" varchar,
  	"ip" varchar,
  	"reason" varchar,
  	"until" timestamp(3) with time zone,
  	"hidden_comments" numeric DEFAULT 0,
  	"email_hash" varchar,
  	"ip_hash" varchar,
  	"blocked_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comment_blocks_id" integer;
  ALTER TABLE "comment_blocks" ADD CONSTRAINT "comment_blocks_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comment_blocks" ADD CONSTRAINT "comment_blocks_blocked_by_id_users_id_fk" FOREIGN KEY ("blocked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "comment_blocks_comment_idx" ON "comment_blocks" USING btree ("comment_id");
  CREATE INDEX "comment_blocks_email_hash_idx" ON "comment_blocks" USING btree ("email_hash");
  CREATE INDEX "comment_blocks_ip_hash_idx" ON "comment_blocks" USING btree ("ip_hash");
  CREATE INDEX "comment_blocks_blocked_by_idx" ON "comment_blocks" USING btree ("blocked_by_id");
  CREATE INDEX "comment_blocks_updated_at_idx" ON "comment_blocks" USING btree ("updated_at");
  CREATE INDEX "comment_blocks_created_at_idx" ON "comment_blocks" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comment_blocks_fk" FOREIGN KEY ("comment_blocks_id") REFERENCES "public"."comment_blocks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_comment_blocks_id_idx" ON "payload_locked_documents_rels" USING btree ("comment_blocks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comment_blocks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "comment_blocks" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_comment_blocks_fk";
  
  DROP INDEX IF EXISTS "payload_locked_documents_rels_comment_blocks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comment_blocks_id";`)
}
