import { formatDate } from '@/formatDate'
import type { Post } from '@/payload-types'

import { Byline } from './Byline'

type ListedPost = Pick<
  Post,
  'id' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'archived' | 'authors'
>

/** A list of posts: title, Archived label, date, authors with titles, excerpt, comment count. */
export function PostList({
  posts,
  commentCounts,
  headingLevel = 2,
}: {
  posts: ListedPost[]
  commentCounts?: Map<number | string, number>
  headingLevel?: 2 | 3
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="post-list">
      {posts.map((post) => {
        const comments = commentCounts?.get(post.id) ?? 0
        return (
          <li key={post.id}>
            <Heading>
              <a href={`/posts/${post.slug}`}>{post.title}</a>
              {post.archived ? <span className="archived-label">Archived</span> : null}
            </Heading>
            <p className="post-meta">
              <time dateTime={post.publishedAt ?? undefined}>{formatDate(post.publishedAt)}</time>
              {post.authors?.length ? ' · ' : null}
              <Byline authors={post.authors} />
              {commentCounts ? ` · ${comments} ${comments === 1 ? 'comment' : 'comments'}` : null}
            </p>
            {post.excerpt ? <p>{post.excerpt}</p> : null}
          </li>
        )
      })}
    </ul>
  )
}
