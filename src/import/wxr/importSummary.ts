/** What one import run did, counted by kind, with every item it could not take. */

export const IMPORT_KINDS = ['authors', 'categories', 'media', 'posts', 'comments'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export type Outcome = 'created' | 'updated' | 'unchanged' | 'failed'

export type ImportSummary = {
  counts: Record<ImportKind, Record<Outcome, number>>
  /** Items left out on purpose: pages, attachments, pingbacks and trackbacks. */
  skipped: Record<string, number>
  /** Export ids with what went wrong (the rest of the file went on). */
  problems: { item: string; message: string }[]
  /** Conversions worth knowing about (shortcodes removed, images left as links), counted. */
  notes: Record<string, number>
}

export function emptySummary(): ImportSummary {
  const counts = Object.fromEntries(
    IMPORT_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0, failed: 0 }]),
  ) as ImportSummary['counts']
  return { counts, skipped: {}, problems: [], notes: {} }
}

export function addNote(summary: ImportSummary, note: string): void {
  summary.notes[note] = (summary.notes[note] ?? 0) + 1
}

export function addSkipped(summary: ImportSummary, what: string): void {
  summary.skipped[what] = (summary.skipped[what] ?? 0) + 1
}

/** The summary as lines for a terminal or the audit entry. */
export function describeSummary(summary: ImportSummary, { dryRun }: { dryRun: boolean }): string[] {
  const verb = dryRun ? 'would be ' : ''
  const lines = IMPORT_KINDS.map((kind) => {
    const c = summary.counts[kind]
    return `  ${kind.padEnd(11)} ${c.created} ${verb}created, ${c.updated} ${verb}updated, ${c.unchanged} unchanged, ${c.failed} failed`
  })
  const skipped = Object.entries(summary.skipped)
  if (skipped.length > 0) {
    lines.push(`  skipped     ${skipped.map(([what, n]) => `${n} ${what}`).join(', ')}`)
  }
  for (const [note, n] of Object.entries(summary.notes)) lines.push(`  note        ${note}: ${n}`)
  for (const problem of summary.problems) {
    lines.push(`  problem     ${problem.item}: ${problem.message}`)
  }
  return lines
}
