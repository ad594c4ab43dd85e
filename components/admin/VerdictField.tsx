import type { ServerComponentProps } from 'payload'

import { asVerdict } from './VerdictCell'

/**
 * The automatic verdict on a comment's edit page, as a readable list (score, then each rule with
 * its weight and reason) instead of a JSON editor, which would also need a CDN the admin may
 * not reach.
 */
export function VerdictField({ data }: ServerComponentProps) {
  const verdict = asVerdict(data?.verdict)
  return (
    <div className="field-type" data-byline-admin="verdict" style={{ marginBottom: 'var(--base)' }}>
      <div className="field-label">Automatic verdict</div>
      {!verdict ? (
        <p>—</p>
      ) : (
        <>
          <p>
            Score <strong>{verdict.score}</strong> (spam at 100 or more, held above 0, else approved)
          </p>
          <ul style={{ paddingLeft: '1.2em', margin: 0 }}>
            {verdict.hits.length === 0 && <li>No rule hit.</li>}
            {verdict.hits.map((hit) => (
              <li key={hit.rule}>
                <strong>{hit.rule}</strong> ({hit.weight > 0 ? '+' : ''}
                {hit.weight}): {hit.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
