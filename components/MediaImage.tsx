import type { Media } from '@/payload-types'

/** `card`: cropped 16:9 (grid cards, thumbnails); `hero`: the whole frame (lead story, article). */
type Shape = 'card' | 'hero'

const VARIANTS: Record<Shape, ('thumbnail' | 'card' | 'medium' | 'hero')[]> = {
  card: ['thumbnail', 'card'],
  hero: ['medium', 'hero'],
}

type Props = {
  media: Media | number | null | undefined
  shape: Shape
  /** The `sizes` attribute: how wide the image shows at each viewport width. */
  sizes: string
  className?: string
  /** Above the fold: loaded at once, with high priority (the article's hero, the lead story). */
  priority?: boolean
}

/**
 * An uploaded image with its generated WebP variants as `srcset`, always with width and height
 * (no layout shift), lazy unless it is the page's main image. Falls back to the original file
 * where a variant was not made (an upload smaller than the variant).
 */
export function MediaImage({ media, shape, sizes, className, priority }: Props) {
  if (!media || typeof media !== 'object' || !media.url) return null
  const variants = VARIANTS[shape]
    .map((name) => media.sizes?.[name])
    .filter((v): v is { url: string; width: number; height: number } => Boolean(v?.url && v.width && v.height))
  const largest = variants.at(-1)
  const width = largest?.width ?? media.width ?? undefined
  const height = largest?.height ?? media.height ?? undefined
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      alt={media.alt}
      className={className}
      decoding={priority ? undefined : 'async'}
      fetchPriority={priority ? 'high' : undefined}
      height={height}
      loading={priority ? 'eager' : 'lazy'}
      sizes={variants.length > 1 ? sizes : undefined}
      src={largest?.url ?? media.url}
      srcSet={variants.length > 1 ? variants.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined}
      // The whole frame: its own ratio, reserved before the file arrives (a card's crop is 16:9 in CSS).
      style={shape === 'hero' && width && height ? { aspectRatio: `${width} / ${height}` } : undefined}
      width={width}
    />
  )
}

/** The caption stored with an image, if any. */
export const captionOf = (media: Media | number | null | undefined) =>
  (media && typeof media === 'object' && media.caption) || null
