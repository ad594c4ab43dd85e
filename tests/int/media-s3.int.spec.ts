import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPayload, handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Media } from '@/payload-types'
import { s3Settings } from '@/lib/env.mjs'
import { s3ClientConfig } from '@/lib/storage/s3Settings.mjs'
import { startS3Server } from '../servers/s3Server.mjs'

// Media on S3-compatible storage (lib/storage/s3.ts): an S3 API (s3rver) started here, and two
// Payloads on this file's database: one configured with S3_* (as a server with S3_BUCKET set), one
// without (the local disk, MEDIA_DIR), whose uploads `npm run media:to-s3` then copies to the bucket.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-media-s3-'))
const localDir = path.join(tmp, 'local-media')
fs.mkdirSync(localDir)
const s3 = await startS3Server({ dir: path.join(tmp, 's3') })
// The config reads the S3_* settings when it is imported: after this line, never before.
Object.assign(process.env, s3.env)
const { startPayload } = await import('../helpers/payload')
const { login, rest, restResponse } = await import('../helpers/rest')
const { createStaff, PASSWORD } = await import('../helpers/staff')
const { readMediaObject } = await import('@/lib/storage/s3')

const client = new S3Client(s3ClientConfig(s3Settings(s3.env)!))
const object = async (key: string) => {
  const found = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))
  return { bytes: Buffer.from(await found.Body!.transformToByteArray()), contentType: found.ContentType }
}
const keys = async () =>
  ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key!).sort()
/** The original's and every generated size's file name of a media document. */
const fileNames = (doc: Media) => [
  doc.filename!,
  ...Object.values(doc.sizes ?? {})
    .map((size) => size?.filename)
    .filter((n): n is string => Boolean(n)),
]

let payload: Payload
let stop: () => Promise<void>
let token = ''
/** Payload without the S3 settings: files on the local disk (localDir). */
let local: { payload: Payload; config: SanitizedConfig }

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const staff = await createStaff(payload)
  token = await login(staff.editor.email, PASSWORD)
  // The same project imported again without S3_*, as a server without S3_BUCKET would run it.
  vi.resetModules()
  const saved = { ...s3.env }
  for (const name of Object.keys(s3.env)) delete process.env[name]
  const mediaDir = process.env.MEDIA_DIR
  process.env.MEDIA_DIR = localDir
  const config = await (await import('@payload-config')).default
  Object.assign(process.env, saved)
  process.env.MEDIA_DIR = mediaDir
  local = { config, payload: await getPayload({ config, key: 'local-disk' }) }
})
afterAll(async () => {
  await local?.payload.destroy()
  await stop?.()
  client.destroy()
  await s3.stop()
  for (const name of Object.keys(s3.env)) delete process.env[name]
  fs.rmSync(tmp, { recursive: true, force: true })
})

const photo = (r: number) =>
  sharp({ create: { width: 1700, height: 1000, channels: 3, background: { r, g: 90, b: 140 } } })
    .png()
    .toBuffer()

async function upload(data: Buffer, name: string) {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ alt: `Photo ${name}` }))
  form.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name)
  const created = await rest('POST', 'media', { token, form })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  return created.json.doc as Media
}

/** A file as the local-disk Payload serves it (the same REST handler, the other configuration). */
function localFile(name: string) {
  const request = new Request(`http://localhost/api/media/file/${encodeURIComponent(name)}`)
  return handleEndpoints({
    config: local.config,
    path: `/api/media/file/${encodeURIComponent(name)}`,
    request,
    payloadInstanceCacheKey: 'local-disk',
  })
}

const HEADERS = [
  'content-type',
  'content-length',
  'cache-control',
  'accept-ranges',
  'content-security-policy',
  'x-content-type-options',
  'content-disposition',
]
const picked = (response: Response) => Object.fromEntries(HEADERS.map((name) => [name, response.headers.get(name)]))

describe('media on S3-compatible storage', () => {
  it('an upload lands in the bucket, the original and every generated size, byte for byte', async () => {
    const original = await photo(10)
    const doc = await upload(original, 'harbour.png')
    const names = fileNames(doc)
    expect(names).toHaveLength(6)
    expect(await keys()).toEqual(expect.arrayContaining(names))
    // Streamed without aws-chunked framing: the stored bytes are the file's bytes.
    const stored = await object(doc.filename!)
    expect(stored.bytes.equals(original)).toBe(true)
    expect(stored.contentType).toBe('image/png')
    // As the site icon's route reads a chosen image (app/(frontend)/site-icon).
    expect(
      (await readMediaObject(payload.collections.media.config, { ...doc, filename: doc.filename! })).equals(original),
    ).toBe(true)
    for (const [name, size] of Object.entries(doc.sizes ?? {})) {
      const { bytes, contentType } = await object(size!.filename!)
      expect([name, bytes.length, contentType]).toEqual([name, size!.filesize, size!.mimeType])
      expect((await sharp(bytes).metadata()).width, name).toBe(size!.width)
    }
    // Nothing was written to the local folder.
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, doc.filename!))).toBe(false)
  })

  it('is served through /api/media/file/<name> with the headers of a file on the local disk', async () => {
    const original = await photo(20)
    const onS3 = await upload(original, 'quay.png')
    const onDisk = await local.payload.create({
      collection: 'media',
      data: { alt: 'Quay on disk' },
      file: { data: original, mimetype: 'image/png', name: 'quay-disk.png', size: original.length },
    })
    expect(fs.existsSync(path.join(localDir, onDisk.filename!))).toBe(true)

    const fromS3 = await restResponse('GET', `media/file/${onS3.filename}`)
    const fromDisk = await localFile(onDisk.filename!)
    expect([fromS3.status, fromDisk.status]).toEqual([200, 200])
    expect(picked(fromS3)).toEqual(picked(fromDisk))
    expect(picked(fromS3)).toMatchObject({
      'content-type': 'image/png',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-length': String(original.length),
    })
    expect(Buffer.from(await fromS3.arrayBuffer()).equals(original)).toBe(true)
    expect(Buffer.from(await fromDisk.arrayBuffer()).equals(original)).toBe(true)

    // A generated size, and a byte range, the same way.
    const size = await restResponse('GET', `media/file/${onS3.sizes!.card!.filename}`)
    expect([size.status, size.headers.get('content-type'), size.headers.get('cache-control')]).toEqual([
      200,
      'image/webp',
      'public, max-age=31536000, immutable',
    ])
    expect(Buffer.from(await size.arrayBuffer()).equals((await object(onS3.sizes!.card!.filename!)).bytes)).toBe(true)
  })

  it('a name the bucket lacks, or one that is not a plain file name, is a 404', async () => {
    for (const name of ['nothing-here.png', '..%2F..%2Fpackage.json']) {
      expect((await restResponse('GET', `media/file/${name}`)).status, name).toBe(404)
    }
  })

  it('deleting the media document deletes its objects', async () => {
    const doc = await upload(await photo(30), 'pier.png')
    const names = fileNames(doc)
    expect(await keys()).toEqual(expect.arrayContaining(names))
    const removed = await rest('DELETE', `media/${doc.id}`, { token })
    expect(removed.status).toBe(200)
    const left = await keys()
    expect(left.length).toBeGreaterThan(0)
    expect(left.filter((key) => names.includes(key))).toEqual([])
    expect((await restResponse('GET', `media/file/${doc.filename}`)).status).toBe(404)
  })
})

/** `npm run media:to-s3` through the launcher, on this file's database; resolves its exit code and output. */
function mediaToS3(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/launcher.mjs', 'media:to-s3'], {
      cwd: root,
      env: { ...process.env, ...s3.env, MEDIA_DIR: localDir, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
const counts = (stdout: string) => {
  const line = stdout.split('\n').find((l) => l.includes('copied,'))
  const match = line?.match(/(\d+) copied, (\d+) already there, (\d+) missing locally/)
  return match ? { copied: Number(match[1]), alreadyThere: Number(match[2]), missing: Number(match[3]) } : line
}

describe('npm run media:to-s3', () => {
  it('copies the local uploads and their sizes to the bucket once, and reports a missing file', async () => {
    const made = await Promise.all(
      [40, 50].map(async (r, i) => {
        const data = await photo(r)
        return local.payload.create({
          collection: 'media',
          data: { alt: `Old ${i}` },
          file: { data, mimetype: 'image/png', name: `old-${i}.png`, size: data.length },
        })
      }),
    )
    const names = made.flatMap(fileNames)
    expect(names).toHaveLength(12)
    // Uploaded before S3_BUCKET was set, so only on the disk: not served from the bucket yet.
    expect((await restResponse('GET', `media/file/${made[0].filename}`)).status).toBe(404)
    // One generated size lost from the disk.
    const lost = made[1].sizes!.thumbnail!.filename!
    fs.rmSync(path.join(localDir, lost))

    const first = await mediaToS3()
    expect(first.code, first.stderr).toBe(0)
    // Copied: these 12 files less the lost one, and the 6 of "quay-disk" above. Already there: the
    // 12 files of the two documents uploaded with S3 above (none of them on this disk).
    expect(counts(first.stdout), first.stdout).toEqual({ copied: 17, alreadyThere: 12, missing: 1 })
    expect(first.stderr).toContain(`missing locally: ${lost}`)
    expect(first.stderr).toMatch(/copying \[#+\] 100%/)
    const stored = await keys()
    for (const name of names.filter((n) => n !== lost)) {
      expect(stored, name).toContain(name)
      expect((await object(name)).bytes.equals(fs.readFileSync(path.join(localDir, name))), name).toBe(true)
    }
    expect(stored).not.toContain(lost)

    // Now served through the S3 configuration, with the document's content type.
    const served = await restResponse('GET', `media/file/${made[0].filename}`)
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/png'])
    expect(
      Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(path.join(localDir, made[0].filename!))),
    ).toBe(true)

    // A second run uploads nothing.
    const second = await mediaToS3()
    expect(second.code, second.stderr).toBe(0)
    expect(counts(second.stdout), second.stdout).toEqual({ copied: 0, alreadyThere: 29, missing: 1 })
  })
})
