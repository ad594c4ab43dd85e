export type BulkOptions = { articles: number; comments: number; append: boolean; seed: number }

const USAGE = 'usage: npm run seed:bulk -- [--articles 10000] [--comments 200000] [--append] [--seed 1]'

/** Parses `--articles N --comments N --append --seed N` (also `--articles=N`). */
export function parseArgs(argv: string[]): BulkOptions {
  const options: BulkOptions = { articles: 10_000, comments: 200_000, append: false, seed: 1 }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2)
    const value = () => Number(inline ?? argv[++i])
    if (flag === '--append') options.append = true
    else if (flag === '--articles') options.articles = value()
    else if (flag === '--comments') options.comments = value()
    else if (flag === '--seed') options.seed = value()
    else if (flag !== '--') throw new Error(`unknown option "${argv[i]}"; ${USAGE}`)
  }
  for (const key of ['articles', 'comments', 'seed'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 0)
      throw new Error(`--${key} must be a whole number; ${USAGE}`)
  }
  if (options.comments > 0 && options.articles === 0) throw new Error(`comments need articles; ${USAGE}`)
  return options
}
