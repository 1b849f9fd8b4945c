import { indexableText } from '../../src/search/searchMarks'
import { plainTextOf } from '../../src/site/postContent'
import type { Sql } from '../db/sql'

const names = (aggregate: string, table: string, column: string, rel: string, path: string) =>
  `coalesce((SELECT ${aggregate}(n.${column}, ' ') FROM posts_rels r JOIN ${table} n
    ON n.id = r.${rel} WHERE r.parent_id = p.id AND r.path = '${path}'), '')`

/**
 * The site search's entries for the generated posts (written with raw SQL, so no hook made them),
 * as the app's index writes them (src/search): one INSERT ... SELECT, the shared body's plain
 * text computed once. Returns a word of that body, which every generated post therefore holds.
 */
export async function indexGeneratedPosts(
  sql: Sql,
  firstId: number,
  body: string,
): Promise<string> {
  const text = indexableText(plainTextOf(JSON.parse(body)))
  const aggregate = sql.dialect === 'sqlite' ? 'group_concat' : 'string_agg'
  const target =
    sql.dialect === 'sqlite'
      ? 'search_posts (rowid, title, excerpt, body, authors, categories)'
      : 'search_posts (post_id, title, excerpt, body, authors, categories)'
  await sql.query(
    `INSERT INTO ${target}
      SELECT p.id, p.title, coalesce(p.excerpt, ''), ?,
        ${names(aggregate, 'authors', 'name', 'authors_id', 'authors')},
        ${names(aggregate, 'categories', 'title', 'categories_id', 'categories')}
      FROM posts p WHERE p.id >= ? AND p._status = 'published'`,
    [text, firstId],
  )
  const word = text.toLowerCase().match(/\p{L}{6,}/u)?.[0]
  if (!word) throw new Error('The demo body has no word of six letters to search for')
  return word
}
