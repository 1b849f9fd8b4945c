import type { DefaultServerCellComponentProps } from 'payload'

/** The words a yes/no column shows instead of Payload's raw `true` / `false` chips. */
export type BooleanWords = { yes: string; no?: string }

/**
 * A checkbox column in a list, as a word: "Archived" for a checked box and "—" (or `no`) for an
 * unchecked one, so staff read the list rather than decode it. The words come from the field's
 * `admin.components.Cell.clientProps`.
 */
export function BooleanWordCell({
  cellData,
  yes,
  no = '—',
}: DefaultServerCellComponentProps & BooleanWords) {
  return <span>{cellData === true ? yes : no}</span>
}
