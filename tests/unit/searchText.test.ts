import { markTerms, passageAround } from '@/search/markTerms'
import {
  hasMatch,
  indexableText,
  MARK_END as E,
  MARK_START as S,
  markedSegments,
} from '@/search/searchMarks'
import { MAX_TERMS, readSearchQuery } from '@/search/searchQuery'

describe('readSearchQuery', () => {
  it('reads words of any script, lower-cased, each once', () => {
    expect(readSearchQuery('  Flood   flood Straße Łódź 2026 ')).toEqual({
      kind: 'words',
      text: 'Flood flood Straße Łódź 2026',
      terms: ['flood', 'straße', 'łódź', '2026'],
    })
  })

  it('drops every character that could be query syntax', () => {
    expect(readSearchQuery('"a" OR b* NEAR(c) -d:*')).toMatchObject({
      terms: ['a', 'or', 'b', 'near', 'c', 'd'],
    })
  })

  it('keeps at most MAX_TERMS words', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')
    const query = readSearchQuery(words)
    expect(query.kind === 'words' && query.terms.length).toBe(MAX_TERMS)
  })

  it('reads the first of repeated parameters, and tells empty, too long and no words apart', () => {
    expect(readSearchQuery(['first', 'second'])).toMatchObject({ terms: ['first'] })
    expect(readSearchQuery(undefined)).toEqual({ kind: 'empty' })
    expect(readSearchQuery('x'.repeat(201))).toEqual({ kind: 'too-long', length: 201 })
    expect(readSearchQuery('?!')).toEqual({ kind: 'no-words', text: '?!' })
  })
})

describe('search marks', () => {
  it('cuts marked text into plain runs and matches', () => {
    expect(markedSegments(`a ${S}b${E} c ${S}d`)).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: 'd', match: true },
    ])
    expect(hasMatch(`x ${S}y${E}`)).toBe(true)
    expect(hasMatch('x y')).toBe(false)
  })

  it('removes the marker characters from text before it is indexed', () => {
    expect(indexableText(`a${S}b${E}\n\n c`)).toBe('ab c')
    expect(indexableText(null)).toBe('')
  })

  it('marks words beginning with a term, for an index without highlighting', () => {
    expect(markTerms('Flooding and floods; no reflood', ['flood'])).toBe(
      `${S}Flooding${E} and ${S}floods${E}; no reflood`,
    )
  })

  it('cuts a passage around the first match, with ellipses where text was left out', () => {
    const text = `${'lead '.repeat(100)}${S}match${E}${' tail'.repeat(100)}`
    const passage = passageAround(text, 100)
    expect(passage.startsWith('… ')).toBe(true)
    expect(passage.endsWith(' …')).toBe(true)
    expect(passage).toContain(`${S}match${E}`)
    expect(passage.length).toBeLessThan(110)
    expect(passageAround('no match here')).toBe('')
  })
})
