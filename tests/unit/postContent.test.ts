import { lexicalFromBlocks } from '@/seed/lexicalFromBlocks'
import { feedHtmlOf, plainTextOf, SUMMARY_LENGTH, summaryOf } from '@/site/postContent'

const body = lexicalFromBlocks([
  { type: 'heading', level: 2, text: 'Gate work' },
  { type: 'paragraph', text: 'The lock closes [for a week](https://example.gov/notice).' },
])

describe('summaryOf', () => {
  it('is the excerpt when there is one', () => {
    expect(summaryOf({ excerpt: ' The short version. ', body })).toBe('The short version.')
  })

  it('is the start of the text otherwise, whole when short', () => {
    expect(summaryOf({ excerpt: '', body })).toBe('Gate work The lock closes for a week.')
    expect(summaryOf({ excerpt: null, body: null })).toBe('')
  })

  it('is cut at a word with an ellipsis when long', () => {
    const long = lexicalFromBlocks([{ type: 'paragraph', text: 'word, '.repeat(200) }])
    const summary = summaryOf({ body: long })
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1)
    expect(summary).toMatch(/^word, word.*word…$/)
  })
})

describe('feedHtmlOf', () => {
  it("writes the body as HTML with the site's own addresses made absolute", () => {
    const doc = lexicalFromBlocks([
      { type: 'paragraph', text: 'See [the notice](https://example.gov/n).' },
    ])
    doc.root.children.push({
      type: 'upload',
      version: 3,
      format: '',
      id: 'x',
      fields: null,
      relationTo: 'media',
      value: {
        url: '/api/media/file/gate.jpg',
        alt: 'The new gate',
        mimeType: 'image/jpeg',
        width: 1600,
        height: 900,
        filename: 'gate.jpg',
      },
    })
    const html = feedHtmlOf(doc, 'https://blog.example.gov/')
    expect(html).toContain('<a href="https://example.gov/n">the notice</a>')
    expect(html).toMatch(/src="https:\/\/blog\.example\.gov\/api\/media\/file\/gate\.jpg"/)
    expect(html).toContain('alt="The new gate"')
    expect(plainTextOf(doc)).toBe('See the notice.')
  })

  it('is empty for no body', () => {
    expect(feedHtmlOf(null, 'https://blog.example.gov')).toBe('')
  })
})
