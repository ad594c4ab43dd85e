import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (not generated): indexes for the reads public pages and comment submissions make
 * on a large database. Payload's schema knows nothing of them, so later generated migrations
 * neither create nor drop them. Already present from earlier migrations: articles by slug
 * (unique), articles by published_at, comments by parent_id.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  -- Home page, feed and sitemap: published articles newest first, and their count.
  CREATE INDEX IF NOT EXISTS "articles_status_published_at_idx" ON "articles" USING btree ("_status", "published_at" DESC);
  -- Category pages and "Read more": the articles of a category (index-only).
  CREATE INDEX IF NOT EXISTS "articles_rels_categories_id_path_parent_idx" ON "articles_rels" USING btree ("categories_id", "path", "parent_id");
  -- An article's tags when it is read, and the articles sharing a tag for "Read more".
  CREATE INDEX IF NOT EXISTS "articles_texts_parent_id_order_idx" ON "articles_texts" USING btree ("parent_id", "order");
  CREATE INDEX IF NOT EXISTS "articles_texts_path_text_parent_idx" ON "articles_texts" USING btree ("path", "text", "parent_id");
  -- An article's approved comments, oldest first.
  CREATE INDEX IF NOT EXISTS "comments_article_status_created_at_idx" ON "comments" USING btree ("article_id", "status", "created_at");
  -- Each submission counts the author's approved comments by email.
  CREATE INDEX IF NOT EXISTS "comments_author_email_status_idx" ON "comments" USING btree ("author_email", "status");
  -- The moderation queue: comments of one status, newest first, and their count.
  CREATE INDEX IF NOT EXISTS "comments_status_created_at_idx" ON "comments" USING btree ("status", "created_at" DESC);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "articles_status_published_at_idx";
  DROP INDEX IF EXISTS "articles_rels_categories_id_path_parent_idx";
  DROP INDEX IF EXISTS "articles_texts_parent_id_order_idx";
  DROP INDEX IF EXISTS "articles_texts_path_text_parent_idx";
  DROP INDEX IF EXISTS "comments_article_status_created_at_idx";
  DROP INDEX IF EXISTS "comments_author_email_status_idx";
  DROP INDEX IF EXISTS "comments_status_created_at_idx";`)
}
