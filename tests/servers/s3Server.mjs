// A throwaway S3 API for tests (s3rver from npm, in this process) on a free port of 127.0.0.1,
// its objects in `dir`, with one bucket; `env` holds the S3_* settings that point Byline at it.
import fs from 'node:fs'

import { freePort } from '../../server/database.mjs'

/**
 * Starts s3rver and resolves once it listens.
 * @param {{ dir: string, bucket?: string, port?: number }} options
 */
export async function startS3Server({ dir, bucket = 'byline-media', port }) {
  const { default: S3rver } = await import('s3rver')
  fs.mkdirSync(dir, { recursive: true })
  port ??= await freePort()
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  // s3rver accepts this key pair (its default); it does not check signatures against others.
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  }
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await server.close()
  }
  return { endpoint, bucket, port, dir, env, stop }
}
