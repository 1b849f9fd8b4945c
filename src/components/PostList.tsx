import { getSiteSettings } from '@/data/siteSettings'
import { formatDate } from '@/lib/formatDate'
import { agencyTimeZone } from '@/lib/timeZone'
import type { Post } from '@/payload-types'
import { imageSource, populatedMedia } from '@/site/featuredImage'

import { Byline } from './Byline'

type ListedPost = Pick<
  Post,
  'id' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'archived' | 'authors' | 'featuredImage'
>

/**
 * A list of posts (USWDS collection): featured image thumbnail, title, Archived tag, date (in the
 * agency's zone, from the cached site settings), authors, excerpt, comments.
 */
export async function PostList({
  posts,
  commentCounts,
  headingLevel = 2,
}: {
  posts: ListedPost[]
  commentCounts?: Map<number | string, number>
  headingLevel?: 2 | 3
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const timeZone = agencyTimeZone(await getSiteSettings())
  return (
    <ul className="usa-collection post-list">
      {posts.map((post) => {
        const comments = commentCounts?.get(post.id) ?? 0
        const media = populatedMedia(post.featuredImage)
        const thumbnail = media ? imageSource(media, 'thumbnail') : null
        return (
          <li key={post.id} className="usa-collection__item">
            {thumbnail ? (
              // Beside the linked title it repeats: decorative, so empty alternative text.
              <img
                className="usa-collection__img post-list__thumbnail"
                src={thumbnail.url}
                width={thumbnail.width}
                height={thumbnail.height}
                alt=""
                loading="lazy"
              />
            ) : null}
            <div className="usa-collection__body">
              <Heading className="usa-collection__heading">
                <a className="usa-link" href={`/posts/${post.slug}`}>
                  {post.title}
                </a>
                {post.archived ? <span className="usa-tag archived-label">Archived</span> : null}
              </Heading>
              {post.excerpt ? <p className="usa-collection__description">{post.excerpt}</p> : null}
              <ul className="usa-collection__meta" aria-label="More information">
                <li className="usa-collection__meta-item">
                  <time dateTime={post.publishedAt ?? undefined}>
                    {formatDate(post.publishedAt, timeZone)}
                  </time>
                </li>
                {post.authors?.length ? (
                  <li className="usa-collection__meta-item">
                    <Byline authors={post.authors} />
                  </li>
                ) : null}
                {commentCounts ? (
                  <li className="usa-collection__meta-item">
                    {`${comments} ${comments === 1 ? 'comment' : 'comments'}`}
                  </li>
                ) : null}
              </ul>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
