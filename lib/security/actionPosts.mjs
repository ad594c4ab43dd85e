// Posts that Next.js hands to its server-action handler (the comment form, the report form, with
// JavaScript or without), wherever they are sent: Next treats every POST to a page with a
// `next-action` header or a multipart body as a possible action. That handler answers two kinds
// of bad input by throwing, which answered 500: a post from another site's page (its CSRF check)
// and a body over its 1 MB bodySizeLimit. proxy.ts answers them 403 and 413 first; a chunked body
// has no Content-Length to check, so the launcher counts its bytes (server/launcher.mjs).
// Payload's /api and /admin are not pages of this app; next-auth's posts are url-encoded forms.

/** Next's bodySizeLimit for server actions. (A comment is at most 5,000 characters.) */
export const MAX_ACTION_BYTES = 1024 * 1024

export const TOO_LARGE = 'That is too much to send: a comment may be at most 5,000 characters.'
export const CROSS_SITE = 'Cross-site form posts are not accepted.'

/**
 * Whether Next would treat this request as a possible server action.
 * @param {string | undefined} method
 * @param {(name: string) => string | null | undefined} header a request header by lower-case name
 */
export const isActionPost = (method, header) =>
  method === 'POST' &&
  (header('next-action') != null || (header('content-type') ?? '').startsWith('multipart/form-data'))
