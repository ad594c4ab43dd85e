// `npm run seed` (through server/launcher.mjs, which runs `payload run scripts/seed/run.ts`).
import config from '@payload-config'
import { getPayload } from 'payload'

import { seed } from './index'

const payload = await getPayload({ config })
const { created, articles } = await seed(payload)
if (created.length) {
  console.log('\nDemo staff accounts (dev only; shown this once, sign in at /admin):')
  for (const c of created) console.log(`  ${c.email}  password: ${c.password}`)
  console.log('')
}
console.log(`byline: demo content ready (${articles} articles).`)
await payload.destroy()
process.exit(0)
