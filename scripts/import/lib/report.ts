/** Counts per kind and everything skipped or changed, with the reason: the importers' final report. */
export type Count = { created: number; existing: number; skipped: number }

export class ImportReport {
  readonly counts: Record<string, Count> = {}
  readonly warnings: string[] = []
  private readonly maxWarnings = 2000
  private droppedWarnings = 0

  count(kind: string, outcome: keyof Count, n = 1) {
    const c = (this.counts[kind] ??= { created: 0, existing: 0, skipped: 0 })
    c[outcome] += n
  }

  /** Skipped, with its reason (counted under the kind and listed). */
  skip(kind: string, what: string, reason: string) {
    this.count(kind, 'skipped')
    this.warn(`${kind} ${what}: ${reason}`)
  }

  warn(message: string) {
    if (this.warnings.length < this.maxWarnings) this.warnings.push(message)
    else this.droppedWarnings++
  }

  allWarnings(): string[] {
    return this.droppedWarnings ? [...this.warnings, `… and ${this.droppedWarnings} more`] : this.warnings
  }

  /** The report as text, for the terminal. */
  format(title: string): string {
    const kinds = Object.keys(this.counts).sort()
    const width = Math.max(8, ...kinds.map((k) => k.length))
    const lines = [title, `  ${'kind'.padEnd(width)}  created  existing  skipped`]
    for (const kind of kinds) {
      const c = this.counts[kind]
      lines.push(
        `  ${kind.padEnd(width)}  ${String(c.created).padStart(7)}  ${String(c.existing).padStart(8)}  ${String(c.skipped).padStart(7)}`,
      )
    }
    const warnings = this.allWarnings()
    if (warnings.length) lines.push(`Skipped or changed (${warnings.length}):`, ...warnings.map((w) => `  - ${w}`))
    return lines.join('\n')
  }
}
