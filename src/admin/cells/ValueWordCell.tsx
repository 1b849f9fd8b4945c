import type { DefaultServerCellComponentProps } from 'payload'

/**
 * A column that names only the values worth noticing ("Waiting for review") and shows "—" for
 * the rest, empty included, where Payload would print "<No Review>". The words come from the
 * field's `admin.components.Cell.clientProps`.
 */
export function ValueWordCell({
  cellData,
  words,
}: DefaultServerCellComponentProps & { words: Record<string, string> }) {
  const word = typeof cellData === 'string' ? words[cellData] : undefined
  return <span>{word ?? '—'}</span>
}
