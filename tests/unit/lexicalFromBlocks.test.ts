import { inlineNodes, lexicalFromBlocks } from '@/seed/lexicalFromBlocks'

describe('inlineNodes', () => {
  it('turns **bold**, *italic* and [links](url) into Lexical nodes', () => {
    const nodes = inlineNodes('Read **this** and *that* at [our site](https://www.example.gov/x).')
    expect(nodes.map((n) => n.type)).toEqual([
      'text',
      'text',
      'text',
      'text',
      'text',
      'link',
      'text',
    ])
    expect(nodes[1]).toMatchObject({ text: 'this', format: 1 })
    expect(nodes[3]).toMatchObject({ text: 'that', format: 2 })
    expect(nodes[5]).toMatchObject({
      fields: { url: 'https://www.example.gov/x', linkType: 'custom' },
      children: [{ text: 'our site' }],
    })
  })

  it('leaves plain text alone', () => {
    expect(inlineNodes('plain')).toEqual([expect.objectContaining({ text: 'plain', format: 0 })])
  })
})

describe('lexicalFromBlocks', () => {
  it('builds headings, lists, quotes and tables with a header row', () => {
    const doc = lexicalFromBlocks([
      { type: 'heading', level: 2, text: 'Title' },
      { type: 'list', ordered: true, items: ['one', 'two'] },
      { type: 'quote', text: 'Said' },
      { type: 'table', header: ['A', 'B'], rows: [['1', '2']] },
    ])
    const [heading, list, quote, table] = doc.root.children
    expect(heading).toMatchObject({ type: 'heading', tag: 'h2' })
    expect(list).toMatchObject({ type: 'list', tag: 'ol', listType: 'number' })
    expect((list.children as unknown[]).length).toBe(2)
    expect(quote).toMatchObject({ type: 'quote' })
    const rows = table.children as { children: { headerState: number }[] }[]
    expect(rows.map((r) => r.children.map((c) => c.headerState))).toEqual([
      [1, 1],
      [0, 0],
    ])
  })

  it('places an uploaded image by its key, and refuses one that was not uploaded', () => {
    const doc = lexicalFromBlocks(
      [{ type: 'image', image: 'lock-diagram' }],
      new Map([['lock-diagram', 7]]),
    )
    expect(doc.root.children[0]).toMatchObject({ type: 'upload', relationTo: 'media', value: 7 })
    expect(() => lexicalFromBlocks([{ type: 'image', image: 'missing' }])).toThrow(
      'Demo image "missing" was not uploaded',
    )
  })
})
