import type { Sql } from '../db/sql'
import { commentGenerator, type CommentGenerator, type GrowthStep } from './comments'
import { insertPosts, type GeneratedPosts } from './posts'

export type Dataset = {
  posts: GeneratedPosts
  comments: CommentGenerator
  /** Adds comments up to `total`, then lets the database settle (statistics, WAL). */
  growTo: (total: number) => Promise<GrowthStep>
}

/** Leaves the database as a running site would have it: statistics current, WAL folded in. */
async function settle(sql: Sql): Promise<void> {
  if (sql.dialect === 'postgres') {
    // What autovacuum would do a minute later, done now so it does not run during the timings.
    await sql.query('VACUUM ANALYZE comments, posts, posts_rels')
  } else {
    // No ANALYZE: nothing in the app runs it, so a real SQLite site has no statistics either.
    await sql.query('PRAGMA wal_checkpoint(TRUNCATE)')
  }
}

/** The generated posts and comments of one run, inserted with raw SQL while the app is stopped. */
export async function createDataset(
  sql: Sql,
  postCount: number,
  maxComments: number,
  log: (line: string) => void,
): Promise<Dataset> {
  log(`Generating ${postCount} posts...`)
  const posts = await insertPosts(sql, postCount)
  log(`  ${posts.count} posts in ${posts.seconds.toFixed(1)} s`)
  const comments = await commentGenerator(sql, posts, maxComments)
  return {
    posts,
    comments,
    growTo: async (total) => {
      log(`Generating comments up to ${total}...`)
      const step = await comments.growTo(total, log)
      await settle(sql)
      log(
        `  +${step.added} comments in ${step.seconds.toFixed(1)} s (${Math.round(step.rowsPerSecond)} rows/s)`,
      )
      return step
    },
  }
}
