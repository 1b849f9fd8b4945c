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
 * PostgreSQL: the table `search_posts` (migration `site_search`), one row per published post,
 * with the texts and a generated `document` tsvector (English configuration; title weighted A,
 * authors, categories and excerpt B, body D) under a GIN index. The row goes with its post
 * (ON DELETE CASCADE).
 */

const marks = `StartSel=${MARK_START}, StopSel=${MARK_END}`
/** A short text shown whole, every match marked. */
const WHOLE = `HighlightAll=true, ${marks}`
/** The body: up to two passages around the matches. */
const PASSAGES = `MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … ", ${marks}`

/** Replaces these posts' rows with their published text (none for a draft or a deleted post). */
export async function writePostgresEntries(session: SqlSession, ids: Id[]): Promise<void> {
  if (ids.length === 0) return
  const { sql } = session
  const rows = await session.rows(publishedRows(sql, 'string_agg', idIn(sql, sql`p.id`, ids)))
  await session.run(sql`DELETE FROM search_posts WHERE ${idIn(sql, sql`post_id`, ids)}`)
  await insertPostgresEntries(session, rows.map(entryOf))
}

export async function insertPostgresEntries(session: SqlSession, entries: SearchEntry[]) {
  if (entries.length === 0) return
  const { sql } = session
  const values = entries.map(
    (e) => sql`(${e.id}, ${e.title}, ${e.excerpt}, ${e.body}, ${e.authors}, ${e.categories})`,
  )
  await session.run(sql`INSERT INTO search_posts (post_id, title, excerpt, body, authors, categories)
    VALUES ${sql.join(values, sql`, `)}`)
}

export const postgresSearchIndex: SearchIndex = {
  async refreshPosts(req, ids) {
    await writePostgresEntries(await sqlSessionOf('postgres', req.payload, req), ids)
  },

  async refreshNames(req, source) {
    const session = await sqlSessionOf('postgres', req.payload, req)
    const { sql } = session
    const without = source.leaving ? source.id : undefined
    const names = namesOf(sql, 'string_agg', source.field, sql`search_posts.post_id`, without)
    await session.run(sql`UPDATE search_posts SET ${sql.raw(source.field)} = coalesce(${names}, '')
      WHERE post_id IN (${postsNaming(sql, source)})`)
  },

  async search(payload, terms, { limit, offset }) {
    const session = await sqlSessionOf('postgres', payload)
    const { sql } = session
    const query = sql`plainto_tsquery('english', ${terms.join(' ')})`
    const [counted] = await session.rows(
      sql`SELECT count(*) AS n FROM search_posts WHERE document @@ ${query}`,
    )
    const total = Number(counted?.n ?? 0)
    if (total === 0 || offset >= total) return { hits: [], total }
    // ts_headline reads the whole text: only for the page's rows, after the ranking.
    const rows = await session.rows(sql`WITH q AS (SELECT ${query} AS query),
      page AS (
        SELECT s.post_id, s.title, s.excerpt, s.body, ts_rank(s.document, q.query) AS rank
        FROM search_posts s, q WHERE s.document @@ q.query
        ORDER BY rank DESC, s.post_id DESC LIMIT ${limit} OFFSET ${offset}
      )
      SELECT page.post_id AS id,
        ts_headline('english', page.title, q.query, ${WHOLE}) AS title,
        ts_headline('english', page.excerpt, q.query, ${WHOLE}) AS excerpt,
        ts_headline('english', page.body, q.query, ${PASSAGES}) AS snippet
      FROM page, q ORDER BY page.rank DESC, page.post_id DESC`)
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
