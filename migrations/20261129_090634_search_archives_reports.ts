import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { slugify } from '../lib/slugify'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_comment_reports_reason" AS ENUM('spam', 'abuse', 'off-topic', 'other');
  CREATE TABLE "comment_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"comment_id" integer NOT NULL,
  	"reason" "enum_comment_reports_reason" NOT NULL,
  	"reader_id" integer,
  	"ip" varchar,
  	"reporter_key" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "slug" varchar;
  ALTER TABLE "users" ADD COLUMN "bio" varchar;
  ALTER TABLE "users" ADD COLUMN "photo_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comment_reports_id" integer;
  ALTER TABLE "discussion" ADD COLUMN "report_threshold" numeric DEFAULT 3;
  ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_reader_id_readers_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "comment_reports_comment_idx" ON "comment_reports" USING btree ("comment_id");
  CREATE INDEX "comment_reports_reader_idx" ON "comment_reports" USING btree ("reader_id");
  CREATE INDEX "comment_reports_updated_at_idx" ON "comment_reports" USING btree ("updated_at");
  CREATE INDEX "comment_reports_created_at_idx" ON "comment_reports" USING btree ("created_at");
  CREATE UNIQUE INDEX "comment_reporterKey_idx" ON "comment_reports" USING btree ("comment_id","reporter_key");
  ALTER TABLE "users" ADD CONSTRAINT "users_photo_id_media_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comment_reports_fk" FOREIGN KEY ("comment_reports_id") REFERENCES "public"."comment_reports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "users_slug_idx" ON "users" USING btree ("slug");
  CREATE INDEX "users_photo_idx" ON "users" USING btree ("photo_id");
  CREATE INDEX "payload_locked_documents_rels_comment_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("comment_reports_id");`)
  // Hand-added: a report's comment is required, so deleting the comment deletes its reports
  // (generated: SET NULL, which the NOT NULL column would refuse). And every existing staff
  // account gets the slug its name gives (the field's hook does this for new ones), made unique.
  const { rows } = await db.execute(sql`select id, name from users order by id`)
  const taken = new Set<string>()
  for (const { id, name } of rows as { id: number; name: string | null }[]) {
    const base = slugify(name ?? '') || `author-${id}`
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    taken.add(slug)
    await db.execute(sql`update users set slug = ${slug} where id = ${id}`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comment_reports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "comment_reports" CASCADE;
  ALTER TABLE "users" DROP CONSTRAINT "users_photo_id_media_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comment_reports_fk";
  
  DROP INDEX "users_slug_idx";
  DROP INDEX "users_photo_idx";
  DROP INDEX "payload_locked_documents_rels_comment_reports_id_idx";
  ALTER TABLE "users" DROP COLUMN "slug";
  ALTER TABLE "users" DROP COLUMN "bio";
  ALTER TABLE "users" DROP COLUMN "photo_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comment_reports_id";
  ALTER TABLE "discussion" DROP COLUMN "report_threshold";
  DROP TYPE "public"."enum_comment_reports_reason";`)
}
