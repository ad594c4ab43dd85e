/** A one-line progress bar on stderr (a line per 10% when stderr is not a terminal). */
export function progressBar(label: string, total: number) {
  const started = Date.now()
  const tty = Boolean(process.stderr.isTTY)
  let lastDecile = -1
  const render = (done: number, detail: string) => {
    const ratio = total ? Math.min(1, done / total) : 1
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const width = 30
    const filled = Math.round(ratio * width)
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${detail} ${seconds}s`
    if (tty) process.stderr.write(`\r${line}\x1b[K`)
    else if (Math.floor(ratio * 10) > lastDecile) {
      lastDecile = Math.floor(ratio * 10)
      process.stderr.write(`${line}\n`)
    }
  }
  return {
    update: render,
    done: (detail: string) => {
      render(total, detail)
      if (tty) process.stderr.write('\n')
    },
  }
}
