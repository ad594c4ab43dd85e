// Media on S3-compatible storage (README "Media on S3-compatible storage"): the S3_* settings,
// read by payload.config.ts (lib/storage/s3.ts), the launcher's start-up check and `npm run media:to-s3`.
// Plain JavaScript so that scripts/run.mjs can check them before anything starts.

const NAMES = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE']

/**
 * @typedef {{ bucket: string, endpoint?: string, region: string, accessKeyId: string, secretAccessKey: string, forcePathStyle: boolean }} S3Settings
 */

/**
 * The S3 settings, or null when none is set (uploads stay on the local disk). Throws an Error whose
 * message is one line naming what is missing or wrong when the settings are partial or malformed.
 * @param {Record<string, string | undefined>} [env]
 * @returns {S3Settings | null}
 */
export function s3Settings(env = process.env) {
  const value = (name) => env[name]?.trim() || undefined
  const set = NAMES.filter((name) => value(name) !== undefined)
  if (set.length === 0) return null
  if (!value('S3_BUCKET')) {
    throw new Error(`${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set but S3_BUCKET is not: set S3_BUCKET (and S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) to keep media on S3-compatible storage, or unset them all for the local disk.`)
  }
  const missing = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !value(name))
  if (missing.length) throw new Error(`S3_BUCKET is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: media on S3-compatible storage needs the access key id and its secret.`)
  const endpoint = value('S3_ENDPOINT')
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/i.test(endpoint)) {
    throw new Error(`S3_ENDPOINT must be an http:// or https:// address (e.g. https://s3.example.com or http://127.0.0.1:9000), not "${endpoint}".`)
  }
  const pathStyle = (value('S3_FORCE_PATH_STYLE') ?? 'false').toLowerCase()
  if (!['true', 'false', '1', '0'].includes(pathStyle)) {
    throw new Error(`S3_FORCE_PATH_STYLE must be true or false (true for MinIO and most self-hosted S3 servers), not "${value('S3_FORCE_PATH_STYLE')}".`)
  }
  return {
    bucket: /** @type {string} */ (value('S3_BUCKET')),
    endpoint,
    region: value('S3_REGION') ?? 'us-east-1',
    accessKeyId: /** @type {string} */ (value('S3_ACCESS_KEY_ID')),
    secretAccessKey: /** @type {string} */ (value('S3_SECRET_ACCESS_KEY')),
    forcePathStyle: pathStyle === 'true' || pathStyle === '1',
  }
}

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
