// `npm run media:to-s3`, through server/launcher.mjs (which checks the S3 settings and the bucket, and
// migrates the database first): copies the uploads in MEDIA_DIR, originals and generated sizes,
// to S3_BUCKET (lib/storage/copyToS3.ts). A progress bar on stderr, the counts on stdout.
import config from '@payload-config'
import { getPayload } from 'payload'

import { staticDir } from '@/collections/Media'
import { copyMediaToS3 } from '@/lib/storage/copyToS3'
import { mediaS3, mediaS3Client } from '@/lib/storage/s3'
import { describeS3 } from '@/lib/storage/s3Settings.mjs'
import { progressBar } from './seed/bulk/progress'

if (process.argv.slice(2).some((arg) => arg !== '--')) {
  console.error(
    'byline: usage: npm run media:to-s3 (it takes no arguments: the files come from MEDIA_DIR, the bucket from the S3_* settings)',
  )
  process.exit(2)
}
if (!mediaS3) {
  console.error('byline: npm run media:to-s3 needs S3_BUCKET (see README "Media on S3-compatible storage").')
  process.exit(2)
}

const payload = await getPayload({ config })
// Made on the first count, when the number of files is known.
const shown: { bar?: ReturnType<typeof progressBar> } = {}
let code = 0
try {
  const report = await copyMediaToS3(payload, {
    client: mediaS3Client(),
    bucket: mediaS3.bucket,
    mediaDir: staticDir,
    progress: (done, total) => (shown.bar ??= progressBar('copying', total)).update(done, `${done}/${total} files`),
  })
  shown.bar?.done(`${report.copied + report.alreadyThere + report.missing.length} files`)
  for (const name of report.missing.slice(0, 20)) console.error(`byline: missing locally: ${name}`)
  if (report.missing.length > 20) console.error(`byline: … and ${report.missing.length - 20} more missing locally`)
  console.log(
    `byline: media copied to ${describeS3(mediaS3)} from ${staticDir}: ${report.copied} copied, ${report.alreadyThere} already there, ${report.missing.length} missing locally`,
  )
} catch (error) {
  shown.bar?.done('')
  console.error(`byline: media:to-s3 failed: ${(error as Error).message ?? error}`)
  code = 1
}
await payload.destroy()
process.exit(code)
