import type { Payload } from 'payload'

import { readPoolOf, publishedSql } from './sql'

/**
 * Full-text search over published articles: title (weight A), excerpt (B) and body text (C), from
 * the stored `search_vector` column and its GIN index (migrations/20261129_090000_search.ts).
 * One parameterised query per page, whatever the input; the input is cut to MAX_QUERY_LENGTH and
 * pages stop at MAX_SEARCH_PAGE, so no request costs more than a bounded page of work.
 */
export const SEARCH_PAGE_SIZE = 10
export const MAX_SEARCH_PAGE = 50
export const MAX_QUERY_LENGTH = 200

/** ts_headline's highlight markers: control characters, made spaces in the article text first. */
export const MARK_START = '\u0001'
export const MARK_END = '\u0002'

export type SearchHit = {
  id: number
  title: string
  slug: string
  publishedAt: string
  /** Plain text with MARK_START/MARK_END around each match; render with `snippetParts`. */
  snippet: string
}

export type SearchResult =
  | { kind: 'empty' }
  | { kind: 'no-words'; query: string; truncated: boolean }
  | {
      kind: 'results'
      query: string
      truncated: boolean
      page: number
      total: number
      totalPages: number
      hits: SearchHit[]
    }

/** The reader's text as searched: whitespace folded, cut to MAX_QUERY_LENGTH characters. */
export function normaliseQuery(raw: string | string[] | undefined): { query: string; truncated: boolean } {
  const text = (Array.isArray(raw) ? raw[0] : (raw ?? '')).replace(/\s+/g, ' ').trim()
  const chars = Array.from(text)
  if (chars.length <= MAX_QUERY_LENGTH) return { query: text, truncated: false }
  // Cut at the last space before the limit, so no half word is searched for.
  const cut = chars.slice(0, MAX_QUERY_LENGTH + 1).join('')
  const space = cut.lastIndexOf(' ')
  return { query: (space > 0 ? cut.slice(0, space) : cut.slice(0, -1)).trim(), truncated: true }
}

/** `?page=N` for search: 1 to MAX_SEARCH_PAGE; anything else is page 1. */
export function searchPage(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (!value || !/^[1-9]\d{0,5}$/.test(value)) return 1
  return Math.min(Number(value), MAX_SEARCH_PAGE)
}

// Body text of a Lexical document: every text node, in order. The same path the generated
// column indexes, so a snippet shows the words that matched.
const BODY_TEXT = `(select string_agg(t #>> '{}', ' ') from jsonb_array_elements(
    coalesce(jsonb_path_query_array(h.content, 'strict $.**.text'), '[]'::jsonb)) t)`

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`

type Row = {
  id: number
  title: string
  slug: string
  published_at: Date | string
  snippet: string | null
  total: string
}

export async function searchArticles(
  client: Payload,
  rawQuery: string | string[] | undefined,
  page = 1,
): Promise<SearchResult> {
  const { query, truncated } = normaliseQuery(rawQuery)
  if (!query) return { kind: 'empty' }
  const pool = readPoolOf(client)
  // websearch_to_tsquery never raises on odd input: quotes make phrases, `-word` excludes,
  // `or` alternates; punctuation or stop words alone give an empty query, which matches nothing.
  const { rows } = await pool.query<Row & { words: boolean }>(
    `with q as (select websearch_to_tsquery('english', $1) as query),
     hits as (
       select a.id, a.title, a.slug, a.published_at, a.excerpt, a.content,
              ts_rank_cd(a.search_vector, q.query) as rank, count(*) over () as total
       from articles a, q
       where numnode(q.query) > 0 and a.search_vector @@ q.query and ${publishedSql('a')}
       order by rank desc, a.published_at desc, a.id desc
       limit $2 offset $3)
     select numnode(q.query) > 0 as words, h.id, h.title, h.slug, h.published_at, h.total,
            ts_headline('english', translate(coalesce(h.excerpt, '') || ' ' || coalesce(${BODY_TEXT}, ''), E'\\x01\\x02', '  '),
              q.query, $4) as snippet
     from q left join hits h on true
     order by h.rank desc nulls last, h.published_at desc, h.id desc`,
    [query, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE, HEADLINE_OPTIONS],
  )
  if (!rows[0]?.words) return { kind: 'no-words', query, truncated }
  const found = rows.filter((r) => r.id !== null)
  const total = found.length ? Number(found[0].total) : 0
  return {
    kind: 'results',
    query,
    truncated,
    page,
    total,
    totalPages: Math.min(MAX_SEARCH_PAGE, Math.ceil(total / SEARCH_PAGE_SIZE)),
    hits: found.map((r) => ({
      id: r.id,
      title: r.title,
      slug: r.slug,
      publishedAt: new Date(r.published_at).toISOString(),
      snippet: r.snippet ?? '',
    })),
  }
}

/** Longest query whose first page of results may be indexed by search engines. */
export const INDEXABLE_QUERY_LENGTH = 60

/**
 * Whether search engines may index this result page. Only the first page of a short query that
 * found articles: a page that echoes a query nothing matched (the spam vector behind Google's and
 * WordPress's advice to keep result pages out of the index) stays `noindex`, and so do long or
 * cut queries and later pages. `websearch_to_tsquery` needs every word to match, so the query an
 * indexable page repeats is made of words the site's own articles use.
 */
export function searchIndexable(result: SearchResult): boolean {
  return (
    result.kind === 'results' &&
    result.page === 1 &&
    result.total > 0 &&
    !result.truncated &&
    Array.from(result.query).length <= INDEXABLE_QUERY_LENGTH
  )
}

/** The address of a page of results for a query, as the search page links to it. */
export const searchHref = (query: string, page = 1) =>
  `/search?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`

/** A snippet split into plain and highlighted runs, for React to render (and escape) as text. */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = []
  for (const [i, chunk] of snippet.split(MARK_START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk.replaceAll(MARK_END, ''), mark: false })
      continue
    }
    const end = chunk.indexOf(MARK_END)
    const marked = end === -1 ? chunk : chunk.slice(0, end)
    const rest = end === -1 ? '' : chunk.slice(end + 1).replaceAll(MARK_END, '')
    if (marked) parts.push({ text: marked, mark: true })
    if (rest) parts.push({ text: rest, mark: false })
  }
  return parts
}
