import { Byline } from '@/components/Byline'
import { FeaturedImage } from '@/components/FeaturedImage'
import { PostBody } from '@/components/PostBody'
import { formatDate } from '@/lib/formatDate'
import type { Category, Post, SiteSetting } from '@/payload-types'

type Props = { post: Post; settings: SiteSetting; timeZone: string }

/**
 * A post as readers see it, above its discussion: the archive banner, title, date, byline,
 * categories, featured image and body. The post page and the staff preview both show it, so a preview is the page.
 */
export function PostArticle({ post, settings, timeZone }: Props) {
  const categories = (post.categories ?? []).filter((c): c is Category => typeof c === 'object')
  return (
    <>
      {post.archived ? (
        <section
          className="usa-site-alert usa-site-alert--info archive-notice"
          role="status"
          aria-label="Archived page"
        >
          <div className="usa-alert">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{post.archiveNotice || settings.archiveNotice}</p>
              {post.archivedAt ? (
                <p className="usa-alert__text">
                  Archived on{' '}
                  <time dateTime={post.archivedAt}>{formatDate(post.archivedAt, timeZone)}</time>.
                </p>
              ) : null}
              <p className="usa-alert__text">
                <a className="usa-link" href={settings.currentSiteUrl}>
                  Go to the current {settings.agencyName} website
                </a>
              </p>
            </div>
          </div>
        </section>
      ) : null}
      <h1>{post.title}</h1>
      <p className="post-meta">
        {post.publishedAt ? (
          <time dateTime={post.publishedAt}>{formatDate(post.publishedAt, timeZone)}</time>
        ) : (
          'Not yet published'
        )}
        {post.authors?.length ? ' · ' : null}
        <Byline authors={post.authors} />
      </p>
      {categories.length ? (
        <p className="post-meta">
          Filed under{' '}
          {categories.map((category, index) => (
            <span key={category.id}>
              {index > 0 ? ', ' : null}
              <a href={`/categories/${category.slug}`}>{category.title}</a>
            </span>
          ))}
        </p>
      ) : null}
      <FeaturedImage image={post.featuredImage} />
      <PostBody data={post.body} />
    </>
  )
}
