import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "imports" ADD COLUMN "host" varchar;
  ALTER TABLE "imports" ADD COLUMN "pid" numeric;
  ALTER TABLE "imports" ADD COLUMN "heartbeat_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "imports" DROP COLUMN "host";
  ALTER TABLE "imports" DROP COLUMN "pid";
  ALTER TABLE "imports" DROP COLUMN "heartbeat_at";`)
}
