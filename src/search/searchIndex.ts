import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '@/lib/idOf'

/**
 * One result, its texts as the database returned them: matches between MARK_START and MARK_END
 * (searchMarks.ts). `snippet` is a passage of the body around the matches ('' when the body has
 * none).
 */
export type SearchHit = { id: Id; title: string; excerpt: string; snippet: string }

export type SearchResults = { hits: SearchHit[]; total: number }

/** An author or category whose name (title) appears in posts' entries. */
export type NameSource = {
  field: 'authors' | 'categories'
  id: Id
  /** Being deleted: its name leaves the entries of the posts it was on. */
  leaving?: boolean
}

/**
 * The site search's index of published posts: title, excerpt, body text, author names and
 * category titles. One implementation per database adapter (SQLite FTS5, PostgreSQL tsvector and
 * GIN, MongoDB text index), chosen at start-up and reached through the runtime
 * (`runtimeOf(payload).search`). Writes take the request, so they join its transaction.
 */
export interface SearchIndex {
  /** Brings these posts' entries in line with what readers see: published posts, nothing else. */
  refreshPosts(req: PayloadRequest, ids: Id[]): Promise<void>
  /** An author renamed or deleted, a category retitled or deleted: the entries that name it. */
  refreshNames(req: PayloadRequest, source: NameSource): Promise<void>
  /** One page of the posts matching every term, best first, and how many match in all. */
  search(
    payload: Payload,
    terms: string[],
    page: { limit: number; offset: number },
  ): Promise<SearchResults>
}
