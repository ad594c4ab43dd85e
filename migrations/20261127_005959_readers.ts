import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "readers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar,
  	"email_verified" timestamp(3) with time zone,
  	"image" varchar,
  	"last_seen" timestamp(3) with time zone,
  	"approved_count" numeric DEFAULT 0,
  	"rejected_count" numeric DEFAULT 0,
  	"banned" boolean DEFAULT false,
  	"ban_reason" varchar,
  	"banned_until" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reader_accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reader_id" integer NOT NULL,
  	"provider" varchar NOT NULL,
  	"provider_account_id" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reader_sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"reader_id" integer NOT NULL,
  	"expires" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reader_verification_tokens" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"identifier" varchar NOT NULL,
  	"token" varchar NOT NULL,
  	"expires" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "comments" ADD COLUMN "reader_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "readers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reader_accounts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reader_sessions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reader_verification_tokens_id" integer;
  ALTER TABLE "discussion" ADD COLUMN "require_login" boolean DEFAULT false;
  ALTER TABLE "discussion" ADD COLUMN "trust_after_approved" numeric DEFAULT 1;
  ALTER TABLE "reader_accounts" ADD CONSTRAINT "reader_accounts_reader_id_readers_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reader_sessions" ADD CONSTRAINT "reader_sessions_reader_id_readers_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "readers_email_idx" ON "readers" USING btree ("email");
  CREATE INDEX "readers_updated_at_idx" ON "readers" USING btree ("updated_at");
  CREATE INDEX "readers_created_at_idx" ON "readers" USING btree ("created_at");
  CREATE INDEX "reader_accounts_reader_idx" ON "reader_accounts" USING btree ("reader_id");
  CREATE INDEX "reader_accounts_updated_at_idx" ON "reader_accounts" USING btree ("updated_at");
  CREATE INDEX "reader_accounts_created_at_idx" ON "reader_accounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "provider_providerAccountId_idx" ON "reader_accounts" USING btree ("provider","provider_account_id");
  CREATE UNIQUE INDEX "reader_sessions_token_hash_idx" ON "reader_sessions" USING btree ("token_hash");
  CREATE INDEX "reader_sessions_reader_idx" ON "reader_sessions" USING btree ("reader_id");
  CREATE INDEX "reader_sessions_expires_idx" ON "reader_sessions" USING btree ("expires");
  CREATE INDEX "reader_sessions_updated_at_idx" ON "reader_sessions" USING btree ("updated_at");
  CREATE INDEX "reader_sessions_created_at_idx" ON "reader_sessions" USING btree ("created_at");
  CREATE INDEX "reader_verification_tokens_identifier_idx" ON "reader_verification_tokens" USING btree ("identifier");
  CREATE UNIQUE INDEX "reader_verification_tokens_token_idx" ON "reader_verification_tokens" USING btree ("token");
  CREATE INDEX "reader_verification_tokens_expires_idx" ON "reader_verification_tokens" USING btree ("expires");
  CREATE INDEX "reader_verification_tokens_updated_at_idx" ON "reader_verification_tokens" USING btree ("updated_at");
  CREATE INDEX "reader_verification_tokens_created_at_idx" ON "reader_verification_tokens" USING btree ("created_at");
  ALTER TABLE "comments" ADD CONSTRAINT "comments_reader_id_readers_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_readers_fk" FOREIGN KEY ("readers_id") REFERENCES "public"."readers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reader_accounts_fk" FOREIGN KEY ("reader_accounts_id") REFERENCES "public"."reader_accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reader_sessions_fk" FOREIGN KEY ("reader_sessions_id") REFERENCES "public"."reader_sessions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reader_verification_tokens_fk" FOREIGN KEY ("reader_verification_tokens_id") REFERENCES "public"."reader_verification_tokens"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "comments_reader_idx" ON "comments" USING btree ("reader_id");
  CREATE INDEX "payload_locked_documents_rels_readers_id_idx" ON "payload_locked_documents_rels" USING btree ("readers_id");
  CREATE INDEX "payload_locked_documents_rels_reader_accounts_id_idx" ON "payload_locked_documents_rels" USING btree ("reader_accounts_id");
  CREATE INDEX "payload_locked_documents_rels_reader_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("reader_sessions_id");
  CREATE INDEX "payload_locked_documents_rels_reader_verification_tokens_idx" ON "payload_locked_documents_rels" USING btree ("reader_verification_tokens_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "readers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reader_accounts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reader_sessions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reader_verification_tokens" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "readers" CASCADE;
  DROP TABLE "reader_accounts" CASCADE;
  DROP TABLE "reader_sessions" CASCADE;
  DROP TABLE "reader_verification_tokens" CASCADE;
  ALTER TABLE "comments" DROP CONSTRAINT "comments_reader_id_readers_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_readers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reader_accounts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reader_sessions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reader_verification_tokens_fk";
  
  DROP INDEX "comments_reader_idx";
  DROP INDEX "payload_locked_documents_rels_readers_id_idx";
  DROP INDEX "payload_locked_documents_rels_reader_accounts_id_idx";
  DROP INDEX "payload_locked_documents_rels_reader_sessions_id_idx";
  DROP INDEX "payload_locked_documents_rels_reader_verification_tokens_idx";
  ALTER TABLE "comments" DROP COLUMN "reader_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "readers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reader_accounts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reader_sessions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reader_verification_tokens_id";
  ALTER TABLE "discussion" DROP COLUMN "require_login";
  ALTER TABLE "discussion" DROP COLUMN "trust_after_approved";`)
}
