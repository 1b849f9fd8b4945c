import type { Id } from '@/lib/idOf'
import { plainTextOf } from '@/site/postContent'

import type { NameSource } from './searchIndex'
import { indexableText } from './searchMarks'
import type { Rows, SQL, Sql } from './sqlSession'

/** The body text indexed at most, in characters (a tsvector holds at most 1 MB). */
export const MAX_INDEXED_BODY = 100_000

/** Posts indexed per statement when filling the index for every post. */
export const ENTRY_BATCH = 200

/** A published post as the index holds it: plain text only. */
export type SearchEntry = {
  id: Id
  title: string
  excerpt: string
  body: string
  authors: string
  categories: string
}

const NAME_SOURCES = {
  authors: { table: 'authors', column: 'name', rel: 'authors_id' },
  categories: { table: 'categories', column: 'title', rel: 'categories_id' },
} as const

/** A string aggregate with a separator: group_concat (SQLite) or string_agg (PostgreSQL). */
export type Aggregate = 'group_concat' | 'string_agg'

/**
 * The names (authors) or titles (categories) of one post, space-separated, from Payload's
 * relationship table `posts_rels`; `without` leaves one out (it is being deleted).
 */
export function namesOf(
  sql: Sql,
  aggregate: Aggregate,
  field: NameSource['field'],
  postId: SQL,
  without?: Id,
): SQL {
  const { table, column, rel } = NAME_SOURCES[field]
  const except = without === undefined ? sql`` : sql` AND n.id <> ${without}`
  return sql`(SELECT ${sql.raw(aggregate)}(n.${sql.raw(column)}, ' ') FROM posts_rels r
    JOIN ${sql.raw(table)} n ON n.id = r.${sql.raw(rel)}
    WHERE r.parent_id = ${postId} AND r.path = ${field}${except})`
}

/** The ids of the posts that name an author or a category. */
export function postsNaming(sql: Sql, { field, id }: NameSource): SQL {
  return sql`SELECT parent_id FROM posts_rels WHERE path = ${field} AND ${sql.raw(
    NAME_SOURCES[field].rel,
  )} = ${id}`
}

/** Published posts' indexed columns, for the posts `filter` (a condition on `p`) picks. */
export function publishedRows(sql: Sql, aggregate: Aggregate, filter: SQL): SQL {
  return sql`SELECT p.id, p.title, p.excerpt, p.body,
      ${namesOf(sql, aggregate, 'authors', sql`p.id`)} AS authors,
      ${namesOf(sql, aggregate, 'categories', sql`p.id`)} AS categories
    FROM posts p WHERE p._status = 'published' AND ${filter}
    ORDER BY p.id`
}

/** `p.id IN (...)` for a list of ids (never empty: callers return early). */
export function idIn(sql: Sql, column: SQL, ids: Id[]): SQL {
  return sql`${column} IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`
}

/** A row of `publishedRows` as an entry: the body's rich text as plain text. */
export function entryOf(row: Rows[number]): SearchEntry {
  const body = typeof row.body === 'string' ? (JSON.parse(row.body) as unknown) : row.body
  return {
    id: Number(row.id),
    title: indexableText(row.title as string),
    excerpt: indexableText(row.excerpt as string | null),
    body: indexableText(plainTextOf(body)).slice(0, MAX_INDEXED_BODY),
    authors: indexableText(row.authors as string | null),
    categories: indexableText(row.categories as string | null),
  }
}
