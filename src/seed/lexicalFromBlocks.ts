import type { DemoBlock } from './demoContent'

/** The Lexical document shape Payload stores for a rich text field. */
export type LexicalDocument = {
  root: {
    type: 'root'
    children: LexicalNode[]
    direction: 'ltr'
    format: ''
    indent: 0
    version: 1
  }
}
type LexicalNode = { type: string; version: number; [key: string]: unknown }

const BOLD = 1
const ITALIC = 2
const element = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

function textNode(value: string, format = 0): LexicalNode {
  return { type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 }
}

/** Turns the little inline markup of demo content (**bold**, *italic*, [label](url)) into nodes. */
export function inlineNodes(source: string): LexicalNode[] {
  const nodes: LexicalNode[] = []
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\((https?:\/\/[^\s)]+)\)/g
  let last = 0
  for (const match of source.matchAll(pattern)) {
    const at = match.index ?? 0
    if (at > last) nodes.push(textNode(source.slice(last, at)))
    if (match[1] !== undefined) nodes.push(textNode(match[1], BOLD))
    else if (match[2] !== undefined) nodes.push(textNode(match[2], ITALIC))
    else {
      nodes.push({
        ...element,
        type: 'link',
        version: 3,
        fields: { url: match[4], newTab: false, linkType: 'custom' },
        children: [textNode(match[3])],
      })
    }
    last = at + match[0].length
  }
  if (last < source.length) nodes.push(textNode(source.slice(last)))
  return nodes
}

function paragraph(source: string): LexicalNode {
  return {
    ...element,
    type: 'paragraph',
    textFormat: 0,
    textStyle: '',
    children: inlineNodes(source),
  }
}

function tableCell(source: string, header: boolean): LexicalNode {
  return {
    type: 'tablecell',
    version: 1,
    headerState: header ? 1 : 0,
    colSpan: 1,
    rowSpan: 1,
    backgroundColor: null,
    children: [paragraph(source)],
  }
}

/** Uploaded media ids of the demo images, by key. */
export type DemoMediaIds = ReadonlyMap<string, number | string>

function blockNode(block: DemoBlock, media: DemoMediaIds): LexicalNode {
  // Every DemoBlock type is handled; TypeScript checks the switch is exhaustive.
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.text)
    case 'heading':
      return {
        ...element,
        type: 'heading',
        tag: `h${block.level}`,
        children: inlineNodes(block.text),
      }
    case 'quote':
      return { ...element, type: 'quote', children: inlineNodes(block.text) }
    case 'list':
      return {
        ...element,
        type: 'list',
        listType: block.ordered ? 'number' : 'bullet',
        tag: block.ordered ? 'ol' : 'ul',
        start: 1,
        children: block.items.map((item, index) => ({
          ...element,
          type: 'listitem',
          value: index + 1,
          children: inlineNodes(item),
        })),
      }
    case 'image': {
      const id = media.get(block.image)
      if (id === undefined) throw new Error(`Demo image "${block.image}" was not uploaded`)
      return {
        type: 'upload',
        version: 3,
        format: '',
        id: block.image,
        fields: null,
        relationTo: 'media',
        value: id,
      }
    }
    case 'table':
      return {
        type: 'table',
        version: 1,
        children: [
          {
            type: 'tablerow',
            version: 1,
            children: block.header.map((cell) => tableCell(cell, true)),
          },
          ...block.rows.map((row) => ({
            type: 'tablerow',
            version: 1,
            children: row.map((cell) => tableCell(cell, false)),
          })),
        ],
      }
  }
}

export function lexicalFromBlocks(
  blocks: DemoBlock[],
  media: DemoMediaIds = new Map(),
): LexicalDocument {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: blocks.map((block) => blockNode(block, media)),
    },
  }
}
