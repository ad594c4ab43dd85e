// Preloaded (node --import) into every `payload` CLI process the launcher starts. Payload's CLI
// ends each command with process.exit(), so Node finding its event loop empty means a command
// stopped half-way: seen on this machine as `payload run script.ts` exiting 0 without running a
// line of the script (a module load through tsx's loader thread went missing). Exit with a code
// the launcher recognises, so that it retries instead of taking the silence for success.
process.on('beforeExit', () => {
  console.error('byline: the payload command stopped before it finished (its module loading stalled)')
  process.exit(75) // DRAINED_EXIT_CODE in scripts/run.mjs
})
