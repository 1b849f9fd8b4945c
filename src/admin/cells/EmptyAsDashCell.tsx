import type { DefaultServerCellComponentProps } from 'payload'

/**
 * A text column that shows "—" for an empty value, where Payload would print "<No From>": an
 * empty value in the audit trail means "nothing" (a comment's first status, a deleted comment's
 * next one), not a missing field.
 */
export function EmptyAsDashCell({ cellData }: DefaultServerCellComponentProps) {
  const text = cellData == null ? '' : String(cellData)
  return <span>{text === '' ? '—' : text}</span>
}
