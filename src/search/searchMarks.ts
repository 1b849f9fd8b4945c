/**
 * Where the database marks a match in the text it returns (FTS5's highlight() and snippet(),
 * PostgreSQL's ts_headline): two private-use characters, which indexed text never holds (they are
 * removed before indexing). The page cuts the text at them and renders the matches as <mark>
 * elements, everything else as text: no HTML from a post or the query reaches the page.
 */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

const MARKS = /[\uE000\uE001]/g

/** Text for the index: without the marker characters, whitespace collapsed. */
export function indexableText(text: string | null | undefined): string {
  return (text ?? '').replace(MARKS, '').replace(/\s+/g, ' ').trim()
}

export type MarkedSegment = { text: string; match: boolean }

/** Text with marks, cut into plain runs and matches (an unclosed mark runs to the end). */
export function markedSegments(marked: string): MarkedSegment[] {
  const segments: MarkedSegment[] = []
  let match = false
  let run = ''
  const flush = () => {
    if (run) segments.push({ text: run, match })
    run = ''
  }
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      flush()
      match = char === MARK_START
    } else run += char
  }
  flush()
  return segments
}

/** Whether marked text holds a match. */
export function hasMatch(marked: string | null | undefined): boolean {
  return Boolean(marked?.includes(MARK_START))
}
