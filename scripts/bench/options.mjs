// Options of `npm run bench`: flags win over environment variables, which win over defaults.
const USAGE = `usage: npm run bench -- [--smoke] [--instances 1|2] [--articles N] [--comments N] [--duration S] [--no-build | --reuse-build]
env: BENCH_INSTANCES, BENCH_ARTICLES, BENCH_COMMENTS, BENCH_DURATION, BENCH_DATABASE_URL, BENCH_SKIP_BUILD=1, BENCH_ARTICLE=<slug>`

export function benchOptions(argv = process.argv.slice(2), env = process.env) {
  const flags = {}
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2)
    const value = () => inline ?? argv[++i]
    if (flag === '--smoke') flags.smoke = true
    else if (flag === '--no-build') flags.noBuild = true
    // The build `npm run test:e2e` just made (NEXT_DIST_DIR, else .next): how `npm test` runs the smoke.
    else if (flag === '--reuse-build') flags.reuseBuild = true
    else if (['--articles', '--comments', '--duration', '--instances'].includes(flag))
      flags[flag.slice(2)] = Number(value())
    else if (flag === '--help') throw new Error(USAGE)
    else throw new Error(`unknown option "${argv[i]}"\n${USAGE}`)
  }
  const smoke = Boolean(flags.smoke)
  const number = (flag, name, fallback) => {
    const n = flags[flag] ?? (env[name] ? Number(env[name]) : fallback)
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${flag} / ${name} must be a whole number\n${USAGE}`)
    return n
  }
  const instances = number('instances', 'BENCH_INSTANCES', 1)
  if (instances !== 1 && instances !== 2) throw new Error(`--instances must be 1 or 2 (two behind nginx, on Redis)\n${USAGE}`)
  return {
    smoke,
    instances,
    articles: number('articles', 'BENCH_ARTICLES', smoke ? 60 : 10_000),
    comments: number('comments', 'BENCH_COMMENTS', smoke ? 1_200 : 200_000),
    duration: number('duration', 'BENCH_DURATION', smoke ? 4 : 10),
    // The smoke keeps CI's run working, not fast: few connections, so a loaded machine still
    // completes requests within the window.
    connections: smoke ? 4 : 32,
    posts: smoke ? 100 : 1_000,
    postConcurrency: smoke ? 10 : 50,
    approvals: smoke ? 2 : 5,
    build: !(flags.noBuild || flags.reuseBuild || env.BENCH_SKIP_BUILD === '1'),
    distDir: env.NEXT_DIST_DIR || (flags.reuseBuild ? '.next' : '.next-bench'),
    databaseUrl: env.BENCH_DATABASE_URL || null,
    article: env.BENCH_ARTICLE || null,
  }
}
