import Link from 'next/link'

/** "Page not found", for (frontend)/not-found.tsx and app/global-not-found.tsx alike. */
export function NotFoundMessage() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>We could not find that page. It may have moved or never existed.</p>
      <form action="/search" aria-label="Find the page" className="search-form" method="get" role="search">
        <label htmlFor="not-found-search">Search the site</label>
        <input id="not-found-search" maxLength={200} name="q" type="search" />
        <button type="submit">Search</button>
      </form>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </section>
  )
}
