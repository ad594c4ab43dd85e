import type { Metadata } from 'next'
import Link from 'next/link'
import { cache } from 'react'

import { SearchSnippet } from '@/components/SearchSnippet'
import { withFeeds } from '@/lib/articleSeo'
import { serverUrl, siteName } from '@/lib/env.mjs'
import { formatDate } from '@/lib/format'
import { payload } from '@/lib/payload'
import {
  MAX_QUERY_LENGTH,
  MAX_SEARCH_PAGE,
  SEARCH_PAGE_SIZE,
  searchArticles,
  searchHref as href,
  searchIndexable,
  searchPage,
  type SearchResult,
} from '@/lib/search'
import '../archive.css'

// The one uncached reader page: it depends on the query string. A plain GET form, so it works
// without JavaScript; each request costs one bounded SQL query (lib/search.ts).
export const dynamic = 'force-dynamic'

type Args = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }

// One query per request, shared by the page and its metadata.
const search = cache(async (q: string | undefined, page: number) => searchArticles(await payload(), q, page))

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata({ searchParams }: Args): Promise<Metadata> {
  const params = await searchParams
  const result = await search(first(params.q), searchPage(params.page))
  if (result.kind !== 'results' || !searchIndexable(result)) {
    return { title: 'Search', robots: { index: false, follow: true } }
  }
  const description = `${result.total} ${result.total === 1 ? 'article' : 'articles'} on ${siteName()} about “${result.query}”.`
  return {
    title: `“${result.query}”: search`,
    description,
    alternates: withFeeds(`${serverUrl()}${href(result.query)}`),
    openGraph: { type: 'website', title: `“${result.query}” on ${siteName()}`, description, siteName: siteName() },
  }
}

function Outcome({ result }: { result: SearchResult }) {
  if (result.kind === 'empty') return <p className="search-status">Type one or more words to search the articles.</p>
  if (result.kind === 'no-words') {
    return (
      <p className="search-status" role="status">
        “{result.query}” has no words to search for. Try one or more words; put a phrase in quotes, and a minus before a
        word to leave it out.
      </p>
    )
  }
  if (result.total === 0 && result.page > 1) {
    return (
      <p className="search-status" role="status">
        No more results for “{result.query}”. <Link href={href(result.query, 1)}>Back to the first page</Link>
      </p>
    )
  }
  if (result.total === 0) {
    return (
      <p className="search-status" role="status">
        No articles match “{result.query}”. Check the spelling, or try fewer or other words.
      </p>
    )
  }
  const first = (result.page - 1) * SEARCH_PAGE_SIZE + 1
  return (
    <>
      <p className="search-status" role="status">
        {result.total} {result.total === 1 ? 'article matches' : 'articles match'} “{result.query}”; showing {first}–
        {first + result.hits.length - 1}.
      </p>
      <ol className="search-results">
        {result.hits.map((hit) => (
          <li key={hit.id}>
            <h2>
              <Link href={`/articles/${hit.slug}`}>{hit.title}</Link>
            </h2>
            <p className="meta">
              <time dateTime={hit.publishedAt}>{formatDate(hit.publishedAt)}</time>
            </p>
            {hit.snippet.trim() && <SearchSnippet text={hit.snippet} />}
          </li>
        ))}
      </ol>
      {result.totalPages > 1 && (
        <nav aria-label="Search result pages" className="pagination">
          {result.page > 1 ? (
            <Link href={href(result.query, result.page - 1)} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span>
            Page {result.page} of {result.totalPages}
          </span>
          {result.page < result.totalPages ? (
            <Link href={href(result.query, result.page + 1)} rel="next">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
      {result.page === MAX_SEARCH_PAGE && result.total > MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE && (
        <p className="search-status">{`Only the first ${MAX_SEARCH_PAGE} pages are shown; add words to narrow the search.`}</p>
      )}
    </>
  )
}

export default async function SearchPage({ searchParams }: Args) {
  const params = await searchParams
  const result = await search(first(params.q), searchPage(params.page))
  const query = result.kind === 'empty' ? '' : result.query
  return (
    <section className="search-page">
      <h1 className="section-title">Search</h1>
      <form action="/search" aria-label="Search again" className="search-form" method="get" role="search">
        <label htmlFor="search-q">Search articles</label>
        <input defaultValue={query} id="search-q" maxLength={MAX_QUERY_LENGTH} name="q" type="search" />
        <button type="submit">Search</button>
      </form>
      {result.kind !== 'empty' && result.truncated && (
        <p className="search-status">{`Your search was longer than ${MAX_QUERY_LENGTH} characters; only the first ${MAX_QUERY_LENGTH} were used.`}</p>
      )}
      <Outcome result={result} />
    </section>
  )
}
