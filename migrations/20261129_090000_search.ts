import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (not generated): full-text search over articles (lib/search.ts). A stored generated
 * column, so every write path (Payload, the bulk seeder's SQL, restores) keeps it current without a
 * hook, and existing rows are filled when the column is added. Title weighs A, excerpt B, the body's
 * Lexical text nodes C. Payload's schema knows nothing of it: Payload names the columns it writes,
 * and generated migrations compare against the schema snapshot, so they never touch it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "articles" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce("excerpt", '')), 'B') ||
    setweight(jsonb_to_tsvector('english'::regconfig,
      coalesce(jsonb_path_query_array("content", 'strict $.**.text'), '[]'::jsonb), '["string"]'), 'C')
  ) STORED;
  CREATE INDEX IF NOT EXISTS "articles_search_vector_idx" ON "articles" USING gin ("search_vector");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "articles_search_vector_idx";
  ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_vector";`)
}
