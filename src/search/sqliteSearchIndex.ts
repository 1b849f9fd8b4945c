import type { Id } from '@/lib/idOf'

import type { SearchIndex } from './searchIndex'
import {
  entryOf,
  idIn,
  namesOf,
  postsNaming,
  publishedRows,
  type SearchEntry,
} from './searchEntries'
import { MARK_END, MARK_START } from './searchMarks'
import { sqlSessionOf, type SqlSession } from './sqlSession'

/**
 * SQLite: the FTS5 table `search_posts` (migration `site_search`), one row per published post,
 * its rowid the post's id; columns title, excerpt, body, authors, categories; the Porter stemmer
 * over unicode61 without diacritics, so "flooding" finds "floods" and "Munchen" finds "München".
 */

/** bm25 weights per column: a title match outranks an author's, which outranks the body's. */
const RANK = 'bm25(search_posts, 10.0, 4.0, 1.0, 5.0, 3.0)'

/** Words shown around the matches in the body's snippet. */
const SNIPPET_TOKENS = 32

/** Replaces these posts' rows with their published text (none for a draft or a deleted post). */
export async function writeSqliteEntries(session: SqlSession, ids: Id[]): Promise<void> {
  if (ids.length === 0) return
  const { sql } = session
  const rows = await session.rows(publishedRows(sql, 'group_concat', idIn(sql, sql`p.id`, ids)))
  await session.run(sql`DELETE FROM search_posts WHERE ${idIn(sql, sql`rowid`, ids)}`)
  await insertSqliteEntries(session, rows.map(entryOf))
}

export async function insertSqliteEntries(session: SqlSession, entries: SearchEntry[]) {
  if (entries.length === 0) return
  const { sql } = session
  const values = entries.map(
    (e) => sql`(${e.id}, ${e.title}, ${e.excerpt}, ${e.body}, ${e.authors}, ${e.categories})`,
  )
  await session.run(sql`INSERT INTO search_posts (rowid, title, excerpt, body, authors, categories)
    VALUES ${sql.join(values, sql`, `)}`)
}

/** FTS5's query syntax for words: each quoted (its quotes doubled), all required. */
const matchOf = (terms: string[]) => terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' ')

export const sqliteSearchIndex: SearchIndex = {
  async refreshPosts(req, ids) {
    await writeSqliteEntries(await sqlSessionOf('sqlite', req.payload, req), ids)
  },

  async refreshNames(req, source) {
    const session = await sqlSessionOf('sqlite', req.payload, req)
    const { sql } = session
    const without = source.leaving ? source.id : undefined
    const names = namesOf(sql, 'group_concat', source.field, sql`search_posts.rowid`, without)
    await session.run(sql`UPDATE search_posts SET ${sql.raw(source.field)} = coalesce(${names}, '')
      WHERE rowid IN (${postsNaming(sql, source)})`)
  },

  async search(payload, terms, { limit, offset }) {
    const session = await sqlSessionOf('sqlite', payload)
    const { sql } = session
    const match = matchOf(terms)
    const [counted] = await session.rows(
      sql`SELECT count(*) AS n FROM search_posts WHERE search_posts MATCH ${match}`,
    )
    const total = Number(counted?.n ?? 0)
    if (total === 0 || offset >= total) return { hits: [], total }
    // highlight() and snippet() read the whole text: only for the page's rows, after the
    // ranking (in one query, SQLite would compute them for every match before sorting).
    const rows = await session.rows(sql`SELECT rowid AS id,
        highlight(search_posts, 0, ${MARK_START}, ${MARK_END}) AS title,
        highlight(search_posts, 1, ${MARK_START}, ${MARK_END}) AS excerpt,
        snippet(search_posts, 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS snippet
      FROM search_posts
      WHERE search_posts MATCH ${match} AND rowid IN (
        SELECT rowid FROM search_posts WHERE search_posts MATCH ${match}
        ORDER BY ${sql.raw(RANK)}, rowid DESC LIMIT ${limit} OFFSET ${offset}
      )
      ORDER BY ${sql.raw(RANK)}, rowid DESC`)
    return {
      total,
      hits: rows.map((row) => ({
        id: Number(row.id),
        title: String(row.title ?? ''),
        excerpt: String(row.excerpt ?? ''),
        snippet: String(row.snippet ?? ''),
      })),
    }
  },
}
