import type { Column } from '../db/schema'
import type { Sql } from '../db/sql'

/** Parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000
const MAX_ROWS_PER_STATEMENT = 1_000
const STATEMENTS_PER_TRANSACTION = 20

export type RowSource = {
  table: string
  /** Every column the generator knows how to fill, by name. */
  known: string[]
}

/**
 * The columns to insert: those the generator knows that the table has. A NOT NULL column without
 * a default that the generator does not know stops the run (it would fail the insert anyway);
 * others are left to their default and returned so the report can name them.
 */
export function plannedColumns(
  source: RowSource,
  columns: Column[],
): { insert: string[]; leftToDefault: string[] } {
  const known = new Set(source.known)
  const unknown = columns.filter((c) => !known.has(c.name))
  const required = unknown.filter((c) => c.notNull && !c.hasDefault)
  if (required.length) {
    throw new Error(
      `${source.table}: the generator does not know how to fill the required column(s) ` +
        `${required.map((c) => c.name).join(', ')} (added by a newer migration?); teach ` +
        'bench/generate how to fill them',
    )
  }
  const present = new Set(columns.map((c) => c.name))
  return {
    insert: source.known.filter((name) => present.has(name)),
    leftToDefault: unknown.map((c) => c.name),
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Inserts rows with batched multi-row INSERTs, many statements per transaction. `rows` yields
 * each row as a record by column name; only `columns` are sent.
 */
export async function insertRows(
  sql: Sql,
  table: string,
  columns: string[],
  rows: Iterable<Record<string, unknown>>,
  onProgress?: (inserted: number) => void,
): Promise<number> {
  const perStatement = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / columns.length)),
  )
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const statementText = new Map<number, string>()
  const textFor = (count: number) => {
    let text = statementText.get(count)
    if (!text) {
      text = head + Array.from({ length: count }, () => tuple).join(', ')
      statementText.set(count, text)
    }
    return text
  }

  let inserted = 0
  let pending: unknown[][] = []
  const flush = async () => {
    if (!pending.length) return
    const batch = pending
    pending = []
    await sql.transaction(async (execute) => {
      for (let i = 0; i < batch.length; i += perStatement) {
        const slice = batch.slice(i, i + perStatement)
        await execute(textFor(slice.length), slice.flat())
      }
    })
    inserted += batch.length
    onProgress?.(inserted)
  }
  for (const row of rows) {
    pending.push(columns.map((name) => row[name] ?? null))
    if (pending.length >= perStatement * STATEMENTS_PER_TRANSACTION) await flush()
  }
  await flush()
  return inserted
}
