import { autop } from '@wordpress/autop'
import shortcode from '@wordpress/shortcode'
import { decodeHTML } from 'entities'
import sanitizeHtml from 'sanitize-html'

/**
 * What a WordPress post body becomes before HTML → Lexical: Gutenberg's block comments removed
 * (or, for a classic post, WordPress's own wpautop), shortcodes WordPress would expand turned
 * into plain HTML, old-host image and post URLs rewritten to their new homes, the part before
 * <!--more--> kept for the excerpt.
 */
export type ContentContext = {
  /** An old upload URL (any size variant) → the imported media's URL, if imported. */
  mediaUrl: (url: string) => string | undefined
  /** An attachment id → its imported media's URL, alt text and caption (WordPress's, as stored). */
  attachment: (id: string) => { url: string; alt: string; caption?: string } | undefined
  /** An old link to a post, page or term (absolute or relative) → its new path, if imported. */
  newPath: (url: string) => string | undefined
  warn: (message: string) => void
}

const BLOCK_COMMENT = /<!--\s+(\/?)wp:([a-z0-9/-]+)(\s+\{[\s\S]*?\})?\s+(\/?)-->/g
// wpautop turns the line break after <!--more--> into a <br />, which would open the next paragraph.
const MORE = /<!--more(.*?)?-->(?:\s*<br\s*\/?>)?/
const NOTEASER = /<!--noteaser-->/g

/** Strips Gutenberg's block delimiters; self-closing (dynamic) blocks render nothing here: reported. */
function stripBlocks(html: string, warn: ContentContext['warn']): string {
  return html.replace(BLOCK_COMMENT, (_m, _close, name: string, _attrs, selfClosing: string) => {
    if (selfClosing) warn(`dynamic block wp:${name} has no HTML of its own and was left out`)
    return ''
  })
}

const isBlockContent = (html: string) => /<!--\s+wp:/.test(html)

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** Bare URLs alone on a line (WordPress's auto-embeds) and [embed] become plain links. */
function embeds(html: string): string {
  const linked = shortcode.replace('embed', html, (sc) => {
    const url = String(sc.content ?? '').trim()
    return url ? `<a href="${escapeAttr(url)}">${url}</a>` : ''
  })
  return linked.replace(
    /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm,
    (_m, url: string) => `<a href="${escapeAttr(url)}">${url}</a>`,
  )
}

/**
 * [caption]<img …> text[/caption] → <figure><img …><figcaption>text</figcaption></figure>. When the
 * text is the caption the attachment itself carries (WordPress copies it into the shortcode), the
 * figcaption is left out: the imported media holds it, and the page shows it under the image.
 */
function captions(html: string, ctx: ContentContext): string {
  return shortcode.replace('caption', html, (sc) => {
    const inner = String(sc.content ?? '')
    const media = /^\s*((?:<a [^>]*>\s*)?<img [^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner)
    const image = media ? media[1] : ''
    const text = (media ? media[2] : inner).trim() || String(sc.attrs.named.caption ?? '')
    const id = /^attachment_(\d+)$/.exec(String(sc.attrs.named.id ?? ''))?.[1]
    const stored = id ? ctx.attachment(id)?.caption : undefined
    const shown = text && !(stored && plainText(text) === stored) ? `<figcaption>${text}</figcaption>` : ''
    return `<figure>${image}${shown}</figure>`
  })
}

/**
 * [gallery ids="1,2"] → one figure per imported image (a gallery without ids, and each of its
 * images that was not imported, is reported).
 */
function galleries(html: string, ctx: ContentContext): string {
  return shortcode.replace('gallery', html, (sc) => {
    const ids = String(sc.attrs.named.ids ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (!ids.length) ctx.warn('[gallery] without ids (the attached images) was left out')
    const missing = ids.filter((id) => !ctx.attachment(id))
    if (missing.length) ctx.warn(`[gallery] image(s) ${missing.join(', ')} not imported, left out`)
    return ids
      .map((id) => ctx.attachment(id))
      .filter((a): a is { url: string; alt: string } => Boolean(a))
      .map((a) => `<figure><img src="${escapeAttr(a.url)}" alt="${escapeAttr(a.alt)}"></figure>`)
      .join('\n')
  })
}

/** src and href pointing at imported uploads or posts get their new addresses. */
function rewriteUrls(html: string, ctx: ContentContext): string {
  return html.replace(/\b(src|href)=(["'])(.*?)\2/gi, (whole, attr: string, quote: string, raw: string) => {
    const url = decodeHTML(raw)
    const next = ctx.mediaUrl(url) ?? (attr.toLowerCase() === 'href' ? ctx.newPath(url) : undefined)
    return next ? `${attr}=${quote}${escapeAttr(next)}${quote}` : whole
  })
}

export type ConvertedContent = { html: string; teaser: string | null }

export function convertContent(raw: string, ctx: ContentContext): ConvertedContent {
  let html = raw.replace(/\r\n?/g, '\n').replace(NOTEASER, '')
  const blocks = isBlockContent(html)
  if (blocks) html = stripBlocks(html, ctx.warn)
  html = embeds(html)
  html = galleries(captions(html, ctx), ctx)
  if (!blocks) html = autop(html)
  html = rewriteUrls(html, ctx)
  const more = MORE.exec(html)
  let teaser: string | null = null
  if (more) {
    teaser = plainText(html.slice(0, more.index))
    html = html.slice(0, more.index) + html.slice(more.index + more[0].length)
  }
  return { html, teaser: teaser || null }
}

/** HTML or entity-laden text → plain text on one line (titles, excerpts). */
export function plainText(html: string): string {
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
  return decodeHTML(text).replace(/\s+/g, ' ').trim()
}

/**
 * A comment's HTML → the plain text Byline shows (line breaks kept, links as their URL when the
 * text differs, everything else dropped).
 */
export function commentText(html: string): string {
  const withBreaks = html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(
      /<a\s[^>]*href=(["'])(https?:\/\/[^"']+)\1[^>]*>([\s\S]*?)<\/a>/gi,
      (_m, _q, href: string, inner: string) => (inner.trim() === href ? href : `${inner} (${href})`),
    )
  const text = decodeHTML(sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} }))
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
