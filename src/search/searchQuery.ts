/** The longest search a reader may send, in characters; a longer one is refused (400). */
export const MAX_QUERY_LENGTH = 200

/** Words searched for at most: the rest of a long query is ignored. */
export const MAX_TERMS = 12

/** What the search page was asked, read once from `?q=`. */
export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  /** Only punctuation or symbols: nothing a full-text index holds. */
  | { kind: 'no-words'; text: string }
  | { kind: 'words'; text: string; terms: string[] }

/**
 * A reader's query as words: letters and digits of any script, lower-cased, each once, at most
 * MAX_TERMS. The index adapters build their own query syntax from these words only (quoted for
 * FTS5, a plain tsquery for PostgreSQL), so nothing a reader types is ever read as syntax.
 */
export function readSearchQuery(value: string | string[] | undefined): SearchQuery {
  const raw = (Array.isArray(value) ? value[0] : value) ?? ''
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim()
  if (!text) return { kind: 'empty' }
  if (text.length > MAX_QUERY_LENGTH) return { kind: 'too-long', length: text.length }
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const terms = [...new Set(words)].slice(0, MAX_TERMS)
  return terms.length ? { kind: 'words', text, terms } : { kind: 'no-words', text }
}
