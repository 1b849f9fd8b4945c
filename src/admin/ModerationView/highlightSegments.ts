export type Segment = { text: string; kind: 'text' | 'link' | 'word' }

const LINK = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+/gi

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A comment's text cut into plain runs, links and listed words, so the queue can mark what a
 * moderator must see (as text: nothing here becomes a live link). Links as countLinks sees them;
 * words case-insensitively, anywhere, as the moderation rules match them.
 */
export function highlightSegments(text: string, words: string[]): Segment[] {
  const listed = words.map((word) => word.trim()).filter(Boolean)
  const pattern = listed.length
    ? new RegExp(`${LINK.source}|${listed.map(escapeRegExp).join('|')}`, 'gi')
    : new RegExp(LINK.source, 'gi')
  const segments: Segment[] = []
  let last = 0
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0
    if (!match[0]) continue
    if (start > last) segments.push({ text: text.slice(last, start), kind: 'text' })
    const isLink = /^(?:https?:\/\/|www\.)/i.test(match[0])
    segments.push({ text: match[0], kind: isLink ? 'link' : 'word' })
    last = start + match[0].length
  }
  if (last < text.length) segments.push({ text: text.slice(last), kind: 'text' })
  return segments
}

/** The first `max` characters of a text, cut at a word where possible, with an ellipsis. */
export function excerptOf(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${space > 0 ? cut.slice(0, space) : cut}…`
}
