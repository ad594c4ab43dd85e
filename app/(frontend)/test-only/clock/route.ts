import { clockOffsetMs, setClockOffsetMs, testClockEnabled } from '@/lib/clock'

/**
 * End-to-end tests only: shifts the server's clock (lib/clock.ts) by { offsetMs }. Answers 404
 * unless the server was started with BYLINE_TEST_CLOCK=1 (scripts/e2e.mjs does; nothing else).
 */
export const dynamic = 'force-dynamic'

const notFound = () => new Response('Not Found', { status: 404 })

export async function GET() {
  if (!testClockEnabled()) return notFound()
  return Response.json({ offsetMs: clockOffsetMs() })
}

export async function POST(request: Request) {
  if (!testClockEnabled()) return notFound()
  const { offsetMs } = (await request.json().catch(() => ({}))) as { offsetMs?: unknown }
  if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs))
    return Response.json({ error: 'offsetMs must be a number' }, { status: 400 })
  setClockOffsetMs(offsetMs)
  return Response.json({ offsetMs })
}
