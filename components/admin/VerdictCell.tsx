import type { DefaultServerCellComponentProps } from 'payload'

type Hit = { rule: string; weight: number; reason: string }
type Verdict = { score: number; hits: Hit[] }

export function asVerdict(value: unknown): Verdict | null {
  const data = typeof value === 'string' ? safeParse(value) : value
  if (!data || typeof data !== 'object') return null
  const { score, hits } = data as Partial<Verdict>
  return { score: Number(score) || 0, hits: Array.isArray(hits) ? hits : [] }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The automatic verdict in the comments list: the score and the rules that hit, reasons on hover. */
export function VerdictCell({ cellData }: DefaultServerCellComponentProps) {
  const verdict = asVerdict(cellData)
  if (!verdict) return <span data-byline-admin="verdict">—</span>
  const { score, hits } = verdict
  const title = hits.length
    ? hits.map((hit) => `${hit.rule} (${hit.weight > 0 ? '+' : ''}${hit.weight}): ${hit.reason}`).join('\n')
    : 'No rule hit.'
  return (
    <span data-byline-admin="verdict" title={title} style={{ cursor: 'help' }}>
      <strong>{score}</strong> {hits.length ? hits.map((hit) => hit.rule).join(', ') : <em>no rules hit</em>}
    </span>
  )
}
