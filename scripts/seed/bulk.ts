// `npm run seed:bulk -- --articles 10000 --comments 200000 [--append] [--seed 1]`, through
// server/launcher.mjs (which applies the migrations first). See scripts/seed/bulk/index.ts.
import config from '@payload-config'
import { getPayload } from 'payload'

import { parseArgs } from './bulk/args'
import { AlreadySeeded, bulkSeed } from './bulk/index'
import { progressBar } from './bulk/progress'

let options
try {
  options = parseArgs(process.argv.slice(2))
} catch (error) {
  console.error(`byline: ${(error as Error).message}`)
  process.exit(2)
}

const payload = await getPayload({ config })
// An article (eight tables, a large JSON body) costs about as much to write as twenty comments.
const bar = progressBar('seed:bulk', options.articles * 20 + options.comments)
const detail = (p: { articles: number; comments: number }) =>
  `articles ${p.articles}/${options.articles} comments ${p.comments}/${options.comments}`
try {
  const started = Date.now()
  const result = await bulkSeed(payload, options, (p) => bar.update(p.articles * 20 + p.comments, detail(p)))
  bar.done(detail(result))
  if (result.created.length) {
    console.log('\nThe database was empty, so the demo content came first. Staff accounts (shown this once):')
    for (const c of result.created) console.log(`  ${c.email}  password: ${c.password}`)
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    `byline: added ${result.articles} articles and ${result.comments} comments in ${seconds} s (bulk run ${result.totalRuns}).`,
  )
} catch (error) {
  if (error instanceof AlreadySeeded) console.error(`\nbyline: ${error.message}`)
  else console.error(error)
  await payload.destroy()
  process.exit(1)
}
await payload.destroy()
process.exit(0)
