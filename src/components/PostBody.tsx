import type {
  SerializedTableCellNode,
  SerializedTableNode,
  SerializedTableRowNode,
} from '@payloadcms/richtext-lexical'
import {
  RichText,
  type JSXConverters,
  type JSXConvertersFunction,
} from '@payloadcms/richtext-lexical/react'
import type { ComponentProps } from 'react'

/** Lexical's header flag for a cell in a header row (2 marks one in a header column; 3 both). */
const HEADER_ROW = 1

const isHeaderRow = (row: SerializedTableRowNode | undefined) =>
  !!row?.children.length &&
  row.children.every((cell) => (cell as SerializedTableCellNode).headerState & HEADER_ROW)

/**
 * Tables as USWDS tables: `usa-table` inside a scrollable container (a wide table scrolls on a
 * phone instead of widening the page), a header row in `<thead>`, header cells with their scope.
 * Lexical's inline borders, padding and cell colours are dropped: the USWDS style is the one look,
 * and its colours pass contrast checks.
 */
const tableConverters: JSXConverters<
  SerializedTableNode | SerializedTableRowNode | SerializedTableCellNode
> = {
  table: ({ node, nodesToJSX }) => {
    const rows = node.children as SerializedTableRowNode[]
    const head = isHeaderRow(rows[0]) ? rows.slice(0, 1) : []
    const body = rows.slice(head.length)
    return (
      // USWDS's scrollable table: focusable, so a keyboard can scroll it.
      <div className="usa-table-container--scrollable" tabIndex={0}>
        <table className="usa-table">
          {head.length ? <thead>{nodesToJSX({ nodes: head })}</thead> : null}
          <tbody>{nodesToJSX({ nodes: body })}</tbody>
        </table>
      </div>
    )
  },
  tablerow: ({ node, nodesToJSX }) => <tr>{nodesToJSX({ nodes: node.children })}</tr>,
  tablecell: ({ node, nodesToJSX }) => {
    const children = nodesToJSX({ nodes: node.children })
    const colSpan = node.colSpan && node.colSpan > 1 ? node.colSpan : undefined
    const rowSpan = node.rowSpan && node.rowSpan > 1 ? node.rowSpan : undefined
    if (!node.headerState) {
      return (
        <td colSpan={colSpan} rowSpan={rowSpan}>
          {children}
        </td>
      )
    }
    return (
      <th scope={node.headerState & HEADER_ROW ? 'col' : 'row'} colSpan={colSpan} rowSpan={rowSpan}>
        {children}
      </th>
    )
  },
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...tableConverters,
})

/** A post's body on the public site: USWDS prose, with USWDS tables. */
export function PostBody({ data }: { data: ComponentProps<typeof RichText>['data'] }) {
  return <RichText data={data} converters={converters} className="usa-prose post-body" />
}
