import transliterate from '@sindresorhus/transliterate'

/**
 * URL-safe slug: lowercase ASCII letters, digits and single hyphens. Other scripts are spelled in
 * Latin letters first (Cyrillic "привет" → "privet", "straße" → "strasse", "Ελλάδα" → "ellada"), as
 * a reader would type them; what has no Latin spelling (Chinese, Japanese) is dropped, and callers
 * that need a slug fall back to one of their own (the importer's "post-<id>").
 */
export function slugify(input: string): string {
  return transliterate(input.replace(/&/g, ' and '))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/g, '')
}
