import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getStorageFilePath } from '@payloadcms/plugin-cloud-storage/utilities'
import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Plugin } from 'payload'

import { s3Settings } from '../env.mjs'
import { s3ClientConfig } from './s3Settings.mjs'

/**
 * Media on S3-compatible storage when S3_BUCKET is set (README "Media on S3-compatible storage"),
 * else null: files stay in MEDIA_DIR. Partial settings throw one line here; the launcher
 * (server/launcher.mjs) checks them first and exits with that line.
 */
export const mediaS3 = s3Settings()
export const mediaOnS3 = mediaS3 !== null

/** Object keys are the file names themselves (no folder), as in MEDIA_DIR. */
export const MEDIA_KEY_PREFIX = ''

/**
 * Payload's S3 adapter for the media collection: every upload and each of its generated sizes is
 * stored in the bucket and served through /api/media/file/<name> (Payload's access control and the
 * collection's headers, not a public bucket address). The `prefix` and `_objectKey` columns exist
 * with or without S3, so one schema (and one set of migrations) serves both.
 */
export function mediaStorage(): Plugin {
  return s3Storage({
    enabled: mediaOnS3,
    alwaysInsertFields: true,
    bucket: mediaS3?.bucket ?? '',
    config: mediaS3 ? s3ClientConfig(mediaS3) : {},
    collections: { media: { prefix: MEDIA_KEY_PREFIX } },
  })
}

let client: S3Client | null = null
/** One S3 client per process for Byline's own reads (the adapter keeps its own). */
export function mediaS3Client(): S3Client {
  if (!mediaS3) throw new Error('S3_BUCKET is not set')
  return (client ??= new S3Client(s3ClientConfig(mediaS3)))
}

type StoredFile = { id: number | string; filename?: string | null; prefix?: string | null; _objectKey?: string | null }

/** The object key of `filename` (the original or one of its sizes) of a media document, as the adapter stores it. */
export function mediaObjectKey(collection: CollectionConfig, doc: StoredFile, filename: string): Promise<string> {
  return getStorageFilePath({
    collection,
    collectionPrefix: MEDIA_KEY_PREFIX,
    doc: { id: doc.id, prefix: doc.prefix ?? undefined, _objectKey: doc._objectKey ?? undefined },
    filename,
    // Given the document, the helper never reads `req` (it looks a document up only without one).
    req: undefined as never,
  })
}

/** The bytes of a media document's file in the bucket. */
export async function readMediaObject(
  collection: CollectionConfig,
  doc: StoredFile & { filename: string },
): Promise<Buffer> {
  const key = await mediaObjectKey(collection, doc, doc.filename)
  const object = await mediaS3Client().send(new GetObjectCommand({ Bucket: mediaS3!.bucket, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}
