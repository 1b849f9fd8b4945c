import { listPublishedPosts } from '@/data/posts'
import { formatDate } from '@/formatDate'
import type { Author } from '@/payload-types'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const { docs: posts } = await listPublishedPosts()
  return (
    <>
      <h1>Latest posts</h1>
      {posts.length === 0 ? <p>No posts yet.</p> : null}
      <ul className="post-list">
        {posts.map((post) => {
          const authors = (post.authors ?? []).filter((a): a is Author => typeof a === 'object')
          return (
            <li key={post.id}>
              <h2>
                <a href={`/posts/${post.slug}`}>{post.title}</a>
                {post.archived ? <span className="archived-label">Archived</span> : null}
              </h2>
              <p className="post-meta">
                <time dateTime={post.publishedAt ?? undefined}>{formatDate(post.publishedAt)}</time>
                {authors.length ? ` · ${authors.map((a) => a.name).join(', ')}` : null}
              </p>
              {post.excerpt ? <p>{post.excerpt}</p> : null}
            </li>
          )
        })}
      </ul>
    </>
  )
}
