import Link from 'next/link'

import { siteName } from '@/lib/env.mjs'
import { getSiteSettings } from '@/lib/queries'

/** Masthead: the site's name, its sections (chosen and ordered in the Site global) and search. */
export async function SiteHeader() {
  const { sections } = await getSiteSettings()
  return (
    <header className="site-header">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <div className="masthead">
        <Link className="site-name" href="/">
          {siteName()}
        </Link>
        <form action="/search" aria-label="Site" className="search-form" method="get" role="search">
          <label className="visually-hidden" htmlFor="site-search">
            Search articles
          </label>
          <input id="site-search" maxLength={200} name="q" placeholder="Search" type="search" />
          <button type="submit">Search</button>
        </form>
      </div>
      <nav aria-label="Sections" className="sections">
        <ul>
          <li>
            <Link href="/">Latest</Link>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <Link href={`/categories/${s.slug}`}>{s.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}
