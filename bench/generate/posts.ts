import { tableColumns } from '../db/schema'
import type { Sql } from '../db/sql'
import { insertRows, plannedColumns } from './insertRows'
import { seededRandom, words } from './random'
import { indexGeneratedPosts } from './searchEntries'

const DAY = 24 * 60 * 60 * 1000

/** The generated posts the measurements use, by role. */
export type DesignatedPosts = {
  /** Exactly 50 approved top-level comments: the read benchmark's page. */
  fifty: { id: number; slug: string }
  /** A large share of all comments: its last comment page is deep. */
  big: { id: number; slug: string }
  /** No generated comments: the write benchmark and the approval test post here. */
  writes: { id: number; slug: string }
}

export type GeneratedPosts = DesignatedPosts & {
  /** Ids of the other generated posts, for the rest of the comments. */
  others: number[]
  /** A word every generated post holds (in the shared body): the broadest search. */
  everyPostWord: string
  slugOf: Map<number, string>
  count: number
  seconds: number
  leftToDefault: string[]
}

const POST_COLUMNS = [
  'id',
  'title',
  'excerpt',
  'body',
  'archived',
  'archived_at',
  'archive_notice',
  'comment_status',
  'comments_closed_at',
  'comments_closed_by_id',
  'comments_closed_reason',
  'slug',
  'published_at',
  'created_by_id',
  'updated_at',
  'created_at',
  '_status',
]
const REL_COLUMNS = ['id', 'order', 'parent_id', 'path', 'authors_id', 'categories_id']

async function maxId(sql: Sql, table: string): Promise<number> {
  const [row] = await sql.query(`SELECT COALESCE(MAX(id), 0) AS max FROM "${table}"`)
  return Number(row.max)
}

/**
 * Inserts `count` published posts (unique slugs, published dates spread over ten years, one
 * demo author and category each, a demo post's body), three of them designated, and their site
 * search entries. No versions rows: public reads need none.
 */
export async function insertPosts(sql: Sql, count: number): Promise<GeneratedPosts> {
  const started = performance.now()
  const random = seededRandom(20261130)
  const [demo] = await sql.query(
    `SELECT body FROM posts WHERE _status = 'published' AND body IS NOT NULL ORDER BY id LIMIT 1`,
  )
  if (!demo) throw new Error('No demo post to copy a body from: did the demo seed run?')
  const body = typeof demo.body === 'string' ? demo.body : JSON.stringify(demo.body)
  const authors = (await sql.query('SELECT id FROM authors ORDER BY id')).map((r) => Number(r.id))
  const categories = (await sql.query('SELECT id FROM categories ORDER BY id')).map((r) =>
    Number(r.id),
  )
  const [editor] = await sql.query(`SELECT id FROM users WHERE email = 'editor@example.gov'`)
  const firstId = (await maxId(sql, 'posts')) + 1
  const now = Date.now()

  const designatedSlugs = ['bench-big-discussion', 'bench-fifty-comments', 'bench-writes']
  const slugOf = new Map<number, string>()
  function* posts() {
    for (let i = 0; i < count; i++) {
      const id = firstId + i
      const slug = designatedSlugs[i] ?? `bench-post-${i}`
      slugOf.set(id, slug)
      // The designated posts are the newest, so the home page lists the big discussion.
      const published = new Date(now - DAY / 24 - i * ((3650 * DAY) / count)).toISOString()
      yield {
        id,
        title: `${slug.replace(/-/g, ' ')}: ${words(random, 40)}`,
        excerpt: words(random, 160),
        body,
        archived: false,
        comment_status: 'open',
        slug,
        published_at: published,
        created_by_id: editor ? Number(editor.id) : null,
        created_at: published,
        updated_at: published,
        _status: 'published',
      }
    }
  }
  const columns = plannedColumns(
    { table: 'posts', known: POST_COLUMNS },
    await tableColumns(sql, 'posts'),
  )
  await insertRows(sql, 'posts', columns.insert, posts())
  if (sql.dialect === 'postgres') {
    await sql.query(
      `SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT MAX(id) FROM posts))`,
    )
  }

  const relColumns = plannedColumns(
    { table: 'posts_rels', known: REL_COLUMNS },
    await tableColumns(sql, 'posts_rels'),
  )
  const firstRel = (await maxId(sql, 'posts_rels')) + 1
  function* rels() {
    let id = firstRel
    for (let i = 0; i < count; i++) {
      const parent = firstId + i
      if (authors.length) {
        yield {
          id: id++,
          order: 1,
          parent_id: parent,
          path: 'authors',
          authors_id: authors[i % authors.length],
        }
      }
      if (categories.length) {
        const category = categories[i % categories.length]
        yield { id: id++, order: 1, parent_id: parent, path: 'categories', categories_id: category }
      }
    }
  }
  await insertRows(sql, 'posts_rels', relColumns.insert, rels())
  if (sql.dialect === 'postgres') {
    await sql.query(
      `SELECT setval(pg_get_serial_sequence('posts_rels', 'id'), (SELECT MAX(id) FROM posts_rels))`,
    )
  }
  const everyPostWord = await indexGeneratedPosts(sql, firstId, body)
  const designated = (i: number) => ({ id: firstId + i, slug: designatedSlugs[i] })
  return {
    big: designated(0),
    fifty: designated(1),
    writes: designated(2),
    others: Array.from({ length: Math.max(0, count - 3) }, (_, i) => firstId + 3 + i),
    everyPostWord,
    slugOf,
    count,
    seconds: (performance.now() - started) / 1000,
    leftToDefault: [
      ...columns.leftToDefault,
      ...relColumns.leftToDefault.map((c) => `posts_rels.${c}`),
    ],
  }
}
