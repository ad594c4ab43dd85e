import Link from 'next/link'

import { siteDescription, siteName } from '@/lib/env.mjs'
import { getSiteSettings } from '@/lib/queries'

/** Footer: the sections again, the site's pages (Site global), and the two feeds. */
export async function SiteFooter() {
  const { sections, footerLinks } = await getSiteSettings()
  return (
    <footer className="site-footer">
      <div className="footer-inner">
        <div className="footer-about">
          <p className="footer-name">{siteName()}</p>
          <p>{siteDescription()}</p>
        </div>
        {sections.length > 0 && (
          <nav aria-label="Sections (footer)">
            <h2>Sections</h2>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <Link href={`/categories/${s.slug}`} prefetch={false}>
                    {s.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <nav aria-label="About this site">
          <h2>{siteName()}</h2>
          <ul>
            {footerLinks.map((l) => (
              <li key={`${l.url} ${l.label}`}>
                <a href={l.url}>{l.label}</a>
              </li>
            ))}
            {/* Feeds, not pages: plain links, so Next never prefetches them. */}
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
            <li>
              <a href="/comments.xml">Comments feed</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
