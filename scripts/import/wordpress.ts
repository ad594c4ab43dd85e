// `npm run import:wordpress -- <export.xml> [--media-dir DIR] [--dry-run] [--no-download] [--admin EMAIL]`,
// through server/launcher.mjs (which finds and migrates the database first). See wordpress/import.ts.
import { runImporterCli } from './lib/cli'
import { importWordPress } from './wordpress/import'

await runImporterCli({
  name: 'WordPress',
  usage:
    'usage: npm run import:wordpress -- <export.xml> [--media-dir <copy of wp-content/uploads>] [--dry-run] [--no-download] [--admin <email>]',
  flags: ['--dry-run', '--no-download'],
  values: ['--media-dir', '--admin'],
  dirs: ['--media-dir'],
  run: (payload, args, progress) =>
    importWordPress(payload, {
      file: args.file,
      mediaDir: args.values['--media-dir'],
      dryRun: args.flags.has('--dry-run'),
      download: !args.flags.has('--no-download'),
      adminEmail: args.values['--admin'],
      progress,
    }),
})
