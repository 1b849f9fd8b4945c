import { paragraphs } from '@/comments/rules/paragraphs'

describe('paragraphs', () => {
  it('returns no paragraphs for empty or blank text', () => {
    expect(paragraphs('')).toEqual([])
    expect(paragraphs(' \n\t\r\n  ')).toEqual([])
  })

  it('returns one line of text as one paragraph of one line', () => {
    expect(paragraphs('Thanks for the update.')).toEqual([['Thanks for the update.']])
  })

  it('separates paragraphs at a blank line', () => {
    expect(paragraphs('First.\n\nSecond.')).toEqual([['First.'], ['Second.']])
  })

  it('treats several blank lines, or lines of only spaces, as one separator', () => {
    expect(paragraphs('First.\n\n\n\nSecond.\n  \t \nThird.')).toEqual([
      ['First.'],
      ['Second.'],
      ['Third.'],
    ])
  })

  it('keeps single line breaks as separate lines of a paragraph', () => {
    expect(paragraphs('Roses are red,\nlocks are grey.\n\nThe end.')).toEqual([
      ['Roses are red,', 'locks are grey.'],
      ['The end.'],
    ])
  })

  it('normalises Windows and old Mac line endings', () => {
    expect(paragraphs('One\r\nTwo\r\n\r\nThree\rFour\r\rFive')).toEqual([
      ['One', 'Two'],
      ['Three', 'Four'],
      ['Five'],
    ])
  })

  it('trims whitespace around the text and around each paragraph', () => {
    expect(paragraphs('\n\n   Hello there.  \n\n\t Bye. \n\n')).toEqual([
      ['Hello there.'],
      ['Bye.'],
    ])
  })

  it('returns text that looks like HTML or a URL exactly as written', () => {
    const body = '<p>Hi</p> &amp; <a href="https://x.example">x</a>\n\n<script>alert(1)</script>'
    expect(paragraphs(body)).toEqual([
      ['<p>Hi</p> &amp; <a href="https://x.example">x</a>'],
      ['<script>alert(1)</script>'],
    ])
  })
})
