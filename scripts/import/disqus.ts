// `npm run import:disqus -- <disqus-export.xml> [--dry-run]`, through server/launcher.mjs (which finds
// and migrates the database first). Import the WordPress export first: threads are matched to
// its articles. See disqus/import.ts.
import { runImporterCli } from './lib/cli'
import { importDisqus } from './disqus/import'

await runImporterCli({
  name: 'Disqus',
  usage: 'usage: npm run import:disqus -- <disqus-export.xml> [--dry-run]',
  flags: ['--dry-run'],
  values: [],
  run: (payload, args, progress) =>
    importDisqus(payload, { file: args.file, dryRun: args.flags.has('--dry-run'), progress }),
})
