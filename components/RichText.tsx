import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  type JSXConvertersFunction,
  LinkJSXConverter,
  RichText as LexicalRichText,
} from '@payloadcms/richtext-lexical/react'

import type { Media } from '@/payload-types'
import { captionOf, MediaImage } from './MediaImage'

const internalDocToHref = ({ linkNode }: { linkNode: { fields: { doc?: { value?: unknown } | null } } }) => {
  const value = linkNode.fields.doc?.value
  return typeof value === 'object' && value && 'slug' in value ? `/articles/${(value as { slug: string }).slug}` : '#'
}

// The body column (styles.css): 42rem at most.
const BODY_IMAGE_SIZES = '(min-width: 44rem) 42rem, 100vw'

/**
 * An image in the body as the hero is shown: its WebP variants as srcset, width and height, lazy,
 * with its caption. Lexical's own converter needs the upload's mimeType, which the page's query
 * does not read (an imported article's images broke its render), and gives no srcset.
 */
function BodyUpload({ node }: { node: { value?: unknown } }) {
  const media = node.value
  if (!media || typeof media !== 'object') return null
  const doc = media as Media
  const isImage = doc.mimeType ? doc.mimeType.startsWith('image/') : Boolean(doc.width && doc.height)
  if (!isImage) return doc.url ? <a href={doc.url}>{doc.filename ?? doc.alt}</a> : null
  const caption = captionOf(doc)
  return (
    <figure className="body-image">
      <MediaImage media={doc} shape="hero" sizes={BODY_IMAGE_SIZES} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  )
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkJSXConverter({ internalDocToHref }),
  upload: ({ node }) => <BodyUpload node={node as { value?: unknown }} />,
})

/** The article body as semantic HTML: headings, paragraphs, lists, quotes, links and images. */
export function RichText({ data }: { data: SerializedEditorState | null | undefined }) {
  if (!data) return null
  return <LexicalRichText className="article-body" converters={converters} data={data} />
}
