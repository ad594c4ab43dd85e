// Preloaded (node --import) into every `payload` CLI process the launcher starts. Payload's CLI
// ends each command with process.exit(), so Node finding its event loop empty means a command
// stopped half-way, on a promise that can no longer settle (seen when Lexical's entry files
// deadlocked; server/launcher.mjs exportConditions). Exit with a code that is not success, so that the
// silence is not taken for a finished seed, migration or import.
process.on('beforeExit', () => {
  console.error(
    'byline: the payload command stopped before it finished (it waited on something that can no longer happen)',
  )
  process.exit(75)
})
