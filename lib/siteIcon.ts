import path from 'node:path'
import sharp from 'sharp'

import type { Media } from '@/payload-types'

/**
 * The shipped default icon, drawn without text (no fonts needed): a dark square with a red
 * masthead bar and the grey lines of a page of type.
 */
const DEFAULT_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="96" fill="#1a1a1a"/>
  <rect x="96" y="104" width="320" height="72" rx="8" fill="#c0392b"/>
  <rect x="96" y="224" width="320" height="32" rx="8" fill="#f2f2f2"/>
  <rect x="96" y="296" width="320" height="32" rx="8" fill="#f2f2f2"/>
  <rect x="96" y="368" width="200" height="32" rx="8" fill="#f2f2f2"/>
</svg>`

/** The icon's source: the Site global's image (from the media folder), else the default. */
export function iconSource(icon: Media | null, mediaDir: string): sharp.Sharp {
  if (icon?.filename) return sharp(path.join(mediaDir, path.basename(icon.filename)))
  return sharp(Buffer.from(DEFAULT_ICON_SVG))
}

/** A square PNG of `size` pixels, the image centred and cropped to fill it. */
export const squarePng = (source: sharp.Sharp, size: number) =>
  source.clone().resize(size, size, { fit: 'cover' }).png().toBuffer()

/**
 * favicon.ico with 16, 32 and 48 px images, each stored as PNG (the ICO format has allowed PNG
 * entries since Windows Vista; every browser reads them). Header: reserved, type 1 (icon), count;
 * then one 16-byte directory entry per image; then the images.
 */
export async function faviconIco(source: sharp.Sharp): Promise<Buffer> {
  const sizes = [16, 32, 48]
  const images = await Promise.all(sizes.map((size) => squarePng(source, size)))
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map((png, i) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(sizes[i], 0) // width
    entry.writeUInt8(sizes[i], 1) // height
    entry.writeUInt8(0, 2) // no palette
    entry.writeUInt8(0, 3) // reserved
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images])
}
