// `node --expose-gc node_modules/payload/bin.js run tests/helpers/importMemoryProbe.ts -- <export.xml>`:
// the WordPress importer (both passes, writing to DATABASE_URL, migrated first) in a process of its
// own, printing as its last line what it held: live memory (heap and buffers after a forced
// collection) when the writing pass starts and as it goes, and the process's peak RSS.
import config from '@payload-config'
import { getPayload } from 'payload'

import { migrations } from '@/migrations'
import { importWordPress } from '@/scripts/import/wordpress/import'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')
const live = () => (gc(), process.memoryUsage().heapUsed + process.memoryUsage().external)

const file = process.argv.at(-1)!
const payload = await getPayload({ config })
await payload.db.migrate({
  migrations: migrations as unknown as NonNullable<Parameters<typeof payload.db.migrate>[0]>['migrations'],
})
const samples: { bytes: number; live: number }[] = []
let next = 0
const result = await importWordPress(payload, {
  file,
  download: false,
  progress: (phase, bytes, total) => {
    // Ten samples across the writing pass; the first once the first pass's summaries are made.
    if (phase !== 'import' || bytes < next) return
    samples.push({ bytes, live: live() })
    next = bytes + total / 10
  },
})
const end = live()
await payload.destroy()
console.log(
  JSON.stringify({
    items: result.scan.itemCount,
    comments: result.scan.commentCount,
    counts: result.report.counts,
    samples,
    end,
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
)
process.exit(0)
