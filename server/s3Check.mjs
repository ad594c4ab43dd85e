// The launcher's start-up check of the media bucket (S3_BUCKET, lib/storage/s3Settings.mjs).
import { s3ClientConfig } from '../lib/storage/s3Settings.mjs'

/**
 * Asks the bucket once (HeadBucket, no retries) whether it exists and these credentials may use
 * it. Returns why not, or null.
 * @param {import('../lib/storage/s3Settings.mjs').S3Settings} settings
 */
export async function checkBucket(settings, timeoutMs = 5000) {
  const { HeadBucketCommand, S3Client } = await import('@aws-sdk/client-s3')
  const client = new S3Client({ ...s3ClientConfig(settings), maxAttempts: 1 })
  try {
    await client.send(new HeadBucketCommand({ Bucket: settings.bucket }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    })
    return null
  } catch (error) {
    const status = error?.$metadata?.httpStatusCode
    if (status === 404) return 'no such bucket'
    if (status === 403) return 'access denied (check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)'
    if (status === 301) return `the bucket is in another region than S3_REGION (${settings.region})`
    if (error?.name === 'TimeoutError' || error?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`
    return error?.code || error?.message || String(error)
  } finally {
    client.destroy()
  }
}
