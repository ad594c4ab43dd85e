// `npm run import:wordpress -- <export.xml> [--media-dir DIR] [--dry-run] [--no-download] [--admin EMAIL]`,
// through scripts/run.mjs (which finds and migrates the database first). See wordpress/import.ts.
import config from '@payload-config'
import fs from 'node:fs'
import path from 'node:path'
import { getPayload } from 'payload'

import { progressBar } from '../seed/bulk/progress'
import { parseImportArgs } from './lib/args'
import { XmlSyntaxError } from './lib/xmlStream'
import { importWordPress } from './wordpress/import'

const USAGE = 'usage: npm run import:wordpress -- <export.xml> [--media-dir <copy of wp-content/uploads>] [--dry-run] [--no-download] [--admin <email>]'

let args
try {
  args = parseImportArgs(process.argv.slice(2), { flags: ['--dry-run', '--no-download'], values: ['--media-dir', '--admin'] }, USAGE)
  // npm runs scripts from the project folder; a relative path is meant from where npm was typed.
  args.file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.file)
  if (args.values['--media-dir']) args.values['--media-dir'] = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.values['--media-dir'])
  if (!fs.existsSync(args.file)) throw new Error(`no such file: ${args.file}`)
  const mediaDir = args.values['--media-dir']
  if (mediaDir && !fs.statSync(mediaDir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--media-dir ${mediaDir} is not a directory`)
} catch (error) {
  console.error(`byline: ${(error as Error).message}`)
  process.exit(2)
}

const payload = await getPayload({ config })
const bars = new Map<string, ReturnType<typeof progressBar>>()
let code = 0
try {
  const { report } = await importWordPress(payload, {
    file: args.file,
    mediaDir: args.values['--media-dir'],
    dryRun: args.flags.has('--dry-run'),
    download: !args.flags.has('--no-download'),
    adminEmail: args.values['--admin'],
    progress: (phase, done, total) => {
      let bar = bars.get(phase)
      if (!bar) bars.set(phase, (bar = progressBar(phase === 'read' ? 'checking' : 'importing', total)))
      bar.update(done, `${(done / 1048576).toFixed(1)}/${(total / 1048576).toFixed(1)} MB`)
    },
  })
  for (const bar of bars.values()) bar.done('')
  console.log(report.format(args.flags.has('--dry-run') ? 'byline: WordPress import, dry run (nothing written):' : 'byline: WordPress import finished:'))
} catch (error) {
  if (error instanceof XmlSyntaxError) console.error(`byline: the export is not well-formed XML, nothing was imported: ${error.message}`)
  else console.error(`byline: import failed: ${(error as Error).stack ?? error}`)
  code = 1
}
await payload.destroy()
process.exit(code)
