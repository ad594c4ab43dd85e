import config from '@payload-config'
import fs from 'node:fs'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'

import { progressBar } from '../../seed/bulk/progress'
import { parseImportArgs } from './args'
import type { ImportReport } from './report'
import { XmlSyntaxError } from './xmlStream'

type Args = ReturnType<typeof parseImportArgs>
type Progress = (phase: string, done: number, total: number) => void

/**
 * The importers' command line: arguments (paths relative to where npm was typed), Payload, a
 * progress bar per pass on stderr, the report on stdout, one clear line and exit 1 on failure
 * (exit 2 for bad arguments).
 */
export async function runImporterCli(spec: {
  name: string
  usage: string
  flags: string[]
  values: string[]
  dirs?: string[]
  run: (payload: Payload, args: Args, progress: Progress) => Promise<{ report: ImportReport }>
}) {
  let args: Args
  try {
    args = parseImportArgs(process.argv.slice(2), spec, spec.usage)
    const from = process.env.INIT_CWD ?? process.cwd()
    args.file = path.resolve(from, args.file)
    if (!fs.existsSync(args.file)) throw new Error(`no such file: ${args.file}`)
    for (const flag of spec.dirs ?? []) {
      if (!args.values[flag]) continue
      args.values[flag] = path.resolve(from, args.values[flag])
      if (!fs.statSync(args.values[flag], { throwIfNoEntry: false })?.isDirectory())
        throw new Error(`${flag} ${args.values[flag]} is not a directory`)
    }
  } catch (error) {
    console.error(`byline: ${(error as Error).message}`)
    process.exit(2)
  }
  const payload = await getPayload({ config })
  const bars = new Map<string, ReturnType<typeof progressBar>>()
  const progress: Progress = (phase, done, total) => {
    let bar = bars.get(phase)
    if (!bar) bars.set(phase, (bar = progressBar(phase === 'read' ? 'checking' : 'importing', total)))
    bar.update(done, `${(done / 1048576).toFixed(1)}/${(total / 1048576).toFixed(1)} MB`)
  }
  let code = 0
  try {
    const { report } = await spec.run(payload, args, progress)
    for (const bar of bars.values()) bar.done('')
    const dry = args.flags.has('--dry-run')
    console.log(report.format(`byline: ${spec.name} import${dry ? ', dry run (nothing written)' : ' finished'}:`))
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      console.error(`byline: the export is not well-formed XML, nothing was imported: ${error.message}`)
    else console.error(`byline: import failed: ${(error as Error).stack ?? error}`)
    code = 1
  }
  await payload.destroy()
  process.exit(code)
}
