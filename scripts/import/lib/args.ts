/** `<file> [--flag] [--key value | --key=value]`: one positional file and the options named in `spec`. */
export function parseImportArgs(argv: string[], spec: { flags: string[]; values: string[] }, usage: string) {
  const flags = new Set<string>()
  const values: Record<string, string> = {}
  const files: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const [arg, inline] = argv[i].split(/=(.*)/s, 2)
    if (arg === '--') continue
    if (!arg.startsWith('--')) files.push(argv[i])
    else if (spec.flags.includes(arg)) flags.add(arg)
    else if (spec.values.includes(arg)) {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new Error(`${arg} needs a value; ${usage}`)
      values[arg] = value
    } else throw new Error(`unknown option "${arg}"; ${usage}`)
  }
  if (files.length !== 1) throw new Error(`give exactly one export file; ${usage}`)
  return { file: files[0], flags, values }
}
