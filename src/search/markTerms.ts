import { MARK_END, MARK_START } from './searchMarks'

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Marks, in plain text, each word that begins with one of the terms (case-insensitively, so
 * "flood" marks "Flooding"): for an index that returns no highlighted text of its own (MongoDB).
 */
export function markTerms(text: string, terms: string[]): string {
  if (terms.length === 0) return text
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${terms.map(escapeForRegExp).join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  )
  return text.replace(pattern, (word) => `${MARK_START}${word}${MARK_END}`)
}

/**
 * A passage of about `length` characters around the first marked word, cut at spaces, with an
 * ellipsis where text was left out; '' when nothing is marked.
 */
export function passageAround(marked: string, length = 220): string {
  const first = marked.indexOf(MARK_START)
  if (first === -1) return ''
  let start = Math.max(0, first - Math.floor(length / 3))
  let end = Math.min(marked.length, start + length)
  if (start > 0) start = marked.indexOf(' ', start) + 1 || start
  if (end < marked.length)
    end = marked.lastIndexOf(' ', end) > first ? marked.lastIndexOf(' ', end) : end
  let passage = marked.slice(start, end)
  // A mark cut in two: close it.
  if (passage.lastIndexOf(MARK_START) > passage.lastIndexOf(MARK_END)) passage += MARK_END
  return `${start > 0 ? '… ' : ''}${passage}${end < marked.length ? ' …' : ''}`
}
