// Media on S3-compatible storage (README "Media on S3-compatible storage"): the AWS SDK's client
// settings for the S3_* settings that lib/env.mjs reads and checks (s3Settings), used by
// payload.config.ts (lib/storage/s3.ts), the launcher's start-up check and `npm run media:to-s3`.

/** @typedef {import('../env.mjs').S3Settings} S3Settings */

/**
 * The AWS SDK's S3 client configuration for these settings. Checksums only where an operation
 * requires one: with the SDK's default (WHEN_SUPPORTED) a streamed upload is sent aws-chunked, with
 * a trailing checksum, which several S3-compatible servers store as the object's bytes.
 * @param {S3Settings} settings
 */
export function s3ClientConfig(settings) {
  return {
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    requestChecksumCalculation: /** @type {const} */ ('WHEN_REQUIRED'),
    responseChecksumValidation: /** @type {const} */ ('WHEN_REQUIRED'),
  }
}

/** "bucket media at http://127.0.0.1:9000" or "bucket media (AWS, eu-west-1)": for messages. */
export function describeS3(settings) {
  return `bucket ${settings.bucket} ${settings.endpoint ? `at ${settings.endpoint}` : `(AWS, ${settings.region})`}`
}
