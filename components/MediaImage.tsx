import type { Media } from '@/payload-types'

type Size = 'thumbnail' | 'card' | 'hero'

/** An uploaded image at one of its resized variants, falling back to the original. */
export function MediaImage({ media, size, className, priority }: { media: Media | number | null | undefined; size: Size; className?: string; priority?: boolean }) {
  if (!media || typeof media !== 'object' || !media.url) return null
  const variant = media.sizes?.[size]
  const src = variant?.url || media.url
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      alt={media.alt}
      className={className}
      height={variant?.height ?? media.height ?? undefined}
      loading={priority ? 'eager' : 'lazy'}
      src={src}
      width={variant?.width ?? media.width ?? undefined}
    />
  )
}
