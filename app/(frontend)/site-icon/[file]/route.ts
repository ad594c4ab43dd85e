import sharp from 'sharp'

import { faviconIco, iconSource, squarePng } from '@/lib/siteIcon'
import { payload } from '@/lib/payload'
import { getSiteSettings } from '@/lib/queries'
import { mediaOnS3, readMediaObject } from '@/lib/storage/s3'

// /favicon.ico and /apple-touch-icon.png, rewritten here by next.config.mjs: the Site global's
// icon, or the shipped default. Rendered on first request, then served from Next's cache until
// the Site global changes (its tag).
export const dynamicParams = true
export const generateStaticParams = async () => []

const FILES: Record<string, { type: string; render: (source: ReturnType<typeof iconSource>) => Promise<Buffer> }> = {
  'favicon.ico': { type: 'image/x-icon', render: faviconIco },
  'apple-touch-icon.png': { type: 'image/png', render: (source) => squarePng(source, 180) },
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = FILES[(await params).file]
  if (!file) return new Response('Not found', { status: 404 })
  const [{ icon }, client] = await Promise.all([getSiteSettings(), payload()])
  const mediaDir = client.collections.media.config.upload.staticDir ?? 'media'
  let body: Buffer
  try {
    // On S3 (lib/storage/s3.ts) the image's bytes come from the bucket, else from the media folder.
    const source =
      mediaOnS3 && icon?.filename
        ? sharp(await readMediaObject(client.collections.media.config, { ...icon, filename: icon.filename }))
        : iconSource(icon, mediaDir)
    body = await file.render(source)
  } catch {
    // The chosen image's file is missing or unreadable: the default rather than no icon at all.
    body = await file.render(iconSource(null, mediaDir))
  }
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': file.type } })
}
