import { snippetParts } from '@/lib/search'

/**
 * A search result's snippet with the matched words in <mark>. Rendered as text nodes: React
 * escapes whatever the article or the query holds, so neither can inject markup.
 */
export function SearchSnippet({ text }: { text: string }) {
  return (
    <p className="search-snippet">
      {snippetParts(text).map((part, i) =>
        part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  )
}
