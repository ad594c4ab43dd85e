import { nodeEnv as currentNodeEnv } from '../lib/env.mjs'

/**
 * The `--conditions` flag for each Node process that loads the Payload config outside Next.
 *
 * Lexical (the article editor) points Node at entry files that pick its development or production
 * build with a top-level `await import()`. Node 20 loading a dozen of those together sometimes never
 * settles them: the process drains and exits having run nothing (here, 3 runs in 4 of a plain
 * `node` script importing the config, 1 in 20 through Payload's CLI). Naming the build through the
 * export condition skips those entry files, as Next's bundler does.
 */
/** @param {string | undefined} [nodeEnv] */
export function exportConditions(nodeEnv = currentNodeEnv()) {
  return `--conditions=${nodeEnv === 'production' ? 'production' : 'development'}`
}
