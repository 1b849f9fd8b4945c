export type ExportHistoryEntry = {
  at: string
  actor: string
  action: string
  from: string | null
  to: string | null
  reason: string | null
}

export type ExportRow = {
  id: string | number
  postId: string | number
  postTitle: string
  postSlug: string
  parentId: string | number | null
  status: string
  statusReason: string | null
  authorName: string
  authorEmail: string
  authorUrl: string | null
  ip: string | null
  userAgent: string | null
  referrer: string | null
  createdAt: string
  updatedAt: string
  body: string
  spamVerdict: string | null
  history: ExportHistoryEntry[]
}

export const EXPORT_COLUMNS = [
  'id',
  'postId',
  'postTitle',
  'postSlug',
  'parentId',
  'status',
  'statusReason',
  'authorName',
  'authorEmail',
  'authorUrl',
  'ip',
  'userAgent',
  'referrer',
  'createdAt',
  'updatedAt',
  'body',
  'spamVerdict',
  'history',
] as const satisfies readonly (keyof ExportRow)[]

// Fails to compile when ExportRow gains a field the export does not list.
type MissingColumn = Exclude<keyof ExportRow, (typeof EXPORT_COLUMNS)[number]>
const everyFieldExported: [MissingColumn] extends [never] ? true : MissingColumn = true
void everyFieldExported

/** Written by us, not by the commenter, so a leading '-' or '+' is data, not a formula. */
const TRUSTED_COLUMNS: ReadonlySet<string> = new Set([
  'id',
  'postId',
  'parentId',
  'createdAt',
  'updatedAt',
])

const BOM = '\uFEFF'
const CRLF = '\r\n'

export function formatHistoryEntry(entry: ExportHistoryEntry): string {
  const change = entry.from !== null || entry.to !== null
  return [
    entry.at,
    entry.actor,
    entry.action,
    ...(change ? [`${entry.from ?? 'none'} -> ${entry.to ?? 'none'}`] : []),
    ...(entry.reason ? [`(${entry.reason})`] : []),
  ].join(' ')
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a formula, and a
 * comment body is written by anyone. The apostrophe makes Excel and LibreOffice show it as text
 * (OWASP, "CSV Injection").
 */
function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function cell(row: ExportRow, column: (typeof EXPORT_COLUMNS)[number]): string {
  const value = row[column]
  if (value === null) return ''
  if (column === 'history')
    return quote(neutralizeFormula(row.history.map(formatHistoryEntry).join('\n')))
  const text = String(value)
  return quote(TRUSTED_COLUMNS.has(column) ? text : neutralizeFormula(text))
}

export function csvRecord(row: ExportRow): string {
  return EXPORT_COLUMNS.map((column) => cell(row, column)).join(',') + CRLF
}

/** The first line: a UTF-8 byte order mark (without it Excel reads the local code page) and the columns. */
export const CSV_HEAD = BOM + EXPORT_COLUMNS.join(',') + CRLF

/** RFC 4180 CSV, one record per comment; null is an empty cell. */
export function toCsv(rows: ExportRow[]): string {
  return CSV_HEAD + rows.map(csvRecord).join('')
}

export type JsonMeta = {
  generatedAt: string
  filters: Record<string, string | null>
  count: number
}

const indent = (text: string, spaces: number) => text.replace(/\n/g, `\n${' '.repeat(spaces)}`)

/**
 * The JSON document in three parts, so that it can be written a record at a time:
 * `{ generatedAt, filters, count, comments: [ ... ] }`, indented by two spaces.
 */
export const jsonExport = {
  head: (meta: JsonMeta) => JSON.stringify(meta, null, 2).replace(/\n}$/, ',\n  "comments": ['),
  record: (row: ExportRow, first: boolean) =>
    `${first ? '' : ','}\n    ${indent(JSON.stringify(row, null, 2), 4)}`,
  tail: (empty: boolean) => (empty ? ']\n}\n' : '\n  ]\n}\n'),
}

export function toJson(
  rows: ExportRow[],
  meta: { generatedAt: string; filters: Record<string, string | null> },
): string {
  return (
    jsonExport.head({ ...meta, count: rows.length }) +
    rows.map((row, index) => jsonExport.record(row, index === 0)).join('') +
    jsonExport.tail(rows.length === 0)
  )
}
