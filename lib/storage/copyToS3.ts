import { paginateListObjectsV2, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { MEDIA_KEY_PREFIX, mediaObjectKey } from './s3'

export type CopyReport = {
  /** Files uploaded to the bucket by this run. */
  copied: number
  /** Files the bucket already had (with the local file's size, when there is a local file). */
  alreadyThere: number
  /** Files a media document names that are neither in the local folder nor in the bucket. */
  missing: string[]
}

type Progress = (done: number, total: number) => void

type MediaDoc = {
  id: number
  filename?: string | null
  mimeType?: string | null
  prefix?: string | null
  _objectKey?: string | null
  sizes?: Record<string, { filename?: string | null; mimeType?: string | null } | undefined> | null
}

type File = { name: string; key: string; mimeType?: string }

/** Every stored file of the media collection: each original and each generated size, with its object key. */
async function mediaFiles(payload: Payload): Promise<File[]> {
  const collection = payload.collections.media.config
  const files: File[] = []
  for (let page = 1, more = true; more; page++) {
    const result = await payload.find({
      collection: 'media',
      depth: 0,
      limit: 500,
      page,
      sort: 'id',
      overrideAccess: true,
      select: { filename: true, mimeType: true, prefix: true, _objectKey: true, sizes: true },
    })
    for (const doc of result.docs as unknown as MediaDoc[]) {
      const named = [
        { name: doc.filename, mimeType: doc.mimeType },
        ...Object.values(doc.sizes ?? {}).map((size) => ({ name: size?.filename, mimeType: size?.mimeType })),
      ]
      for (const { name, mimeType } of named) {
        if (!name) continue
        files.push({ name, key: await mediaObjectKey(collection, doc, name), mimeType: mimeType ?? undefined })
      }
    }
    more = result.hasNextPage
  }
  return files
}

/** Key → size of every object the bucket holds under the media keys' prefix. */
async function bucketSizes(client: S3Client, bucket: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>()
  for await (const page of paginateListObjectsV2(
    { client },
    { Bucket: bucket, Prefix: MEDIA_KEY_PREFIX || undefined },
  )) {
    for (const object of page.Contents ?? []) if (object.Key) sizes.set(object.Key, object.Size ?? -1)
  }
  return sizes
}

/**
 * Copies the local uploads (`mediaDir`) of every media document, originals and generated sizes,
 * to the bucket under the keys the S3 adapter reads them from. A file the bucket already holds
 * with the same size (or holds, and the folder lacks) is left alone, so a second run uploads
 * nothing; a file a document names that neither has is reported, not fatal. Uploads run
 * `concurrency` at a time.
 */
export async function copyMediaToS3(
  payload: Payload,
  {
    client,
    bucket,
    mediaDir,
    progress = () => {},
    concurrency = 4,
  }: { client: S3Client; bucket: string; mediaDir: string; progress?: Progress; concurrency?: number },
): Promise<CopyReport> {
  const [files, stored] = await Promise.all([mediaFiles(payload), bucketSizes(client, bucket)])
  const report: CopyReport = { copied: 0, alreadyThere: 0, missing: [] }
  let done = 0
  progress(0, files.length)
  const copyOne = async (file: File) => {
    const local = path.join(mediaDir, path.basename(file.name))
    const size = (await fs.promises.stat(local).catch(() => null))?.size
    const there = stored.get(file.key)
    // In the bucket and not on this disk (uploaded there since S3_BUCKET was set): nothing to copy.
    if (there !== undefined && (size === undefined || there === size)) report.alreadyThere++
    else if (size === undefined) report.missing.push(file.name)
    else {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: file.key,
          Body: fs.createReadStream(local),
          ContentLength: size,
          ContentType: file.mimeType,
        }),
      )
      stored.set(file.key, size)
      report.copied++
    }
    progress(++done, files.length)
  }
  let next = 0
  await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, async () => {
      while (next < files.length) await copyOne(files[next++])
    }),
  )
  return report
}
