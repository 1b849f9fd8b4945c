/**
 * Splits a plain-text comment into paragraphs (separated by one or more blank lines), each a list
 * of its lines. The text is returned as typed, markup included: it is only ever rendered as text.
 */
export function paragraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => paragraph.split('\n'))
}
