import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>We could not find that page. It may have moved or never existed.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </section>
  )
}
