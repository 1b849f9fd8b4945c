import type { Metadata } from 'next'
import { cookies } from 'next/headers'

import { HELD_COOKIE } from '@/comments/held/heldCommentsCookie'
import { placeHeldComments } from '@/comments/held/placeHeldComments'
import { buildThread } from '@/comments/rules/buildThread'
import { Byline } from '@/components/Byline'
import { threadClosure } from '@/comments/rules/threadClosure'
import { CommentForm } from '@/components/CommentForm'
import { CommentThread } from '@/components/CommentThread'
import { Pagination } from '@/components/Pagination'
import { PostBody } from '@/components/PostBody'
import { WordPressAnchor } from '@/components/WordPressAnchor'
import { loadHeldComments } from '@/data/heldComments'
import { loadPostPage } from '@/data/postPage'
import { findPublishedPost } from '@/data/posts'
import { getSiteSettings } from '@/data/siteSettings'
import { formatDate } from '@/lib/formatDate'
import { agencyTimeZone } from '@/lib/timeZone'
import { pageNumber } from '@/lib/pageNumber'
import type { Category } from '@/payload-types'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'
import { summaryOf } from '@/site/postContent'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<
    Record<'comments' | 'replyto' | 'submitted' | 'comment', string | string[] | undefined>
  >
}

const single = (value: string | string[] | undefined) =>
  typeof value === 'string' ? value : undefined

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await findPublishedPost((await params).slug)
  if (!post) return notFoundMetadata
  const { siteName } = await getSiteSettings()
  // The excerpt, or the start of the text: a shared link always has a description.
  const description = summaryOf(post) || undefined
  return {
    title: post.title,
    description,
    alternates: { canonical: `/posts/${post.slug}` },
    openGraph: {
      type: 'article',
      siteName,
      title: post.title,
      description,
      publishedTime: post.publishedAt ?? undefined,
      url: `/posts/${post.slug}`,
    },
  }
}

export default async function PostPage({ params, searchParams }: Props) {
  const query = await searchParams
  const commentsPage = pageNumber(query.comments)
  const data = commentsPage === null ? null : await loadPostPage((await params).slug, commentsPage)
  if (!data || commentsPage === null) return notFoundPage()
  const { post, settings, discussion } = data
  const { comments, totalPages: threadPages, approvedTotal } = discussion
  if (commentsPage > threadPages) return notFoundPage()
  const categories = (post.categories ?? []).filter((c): c is Category => typeof c === 'object')
  const closed = threadClosure(post, settings) !== null
  const timeZone = agencyTimeZone(settings)
  const replyTo = closed
    ? null
    : (comments.find((comment) => String(comment.id) === single(query.replyto)) ?? null)
  const submittedStatus = single(query.submitted)
  const submitted =
    submittedStatus === 'pending' || submittedStatus === 'approved'
      ? {
          status: submittedStatus as 'pending' | 'approved',
          commentId: single(query.comment) ?? null,
        }
      : null
  const pageQuery = commentsPage > 1 ? `&comments=${commentsPage}` : ''
  // This browser's own comments awaiting moderation (src/comments/held): such a request is never
  // served from or kept in the page cache (src/server/pageCache.ts).
  const held = await loadHeldComments(post.id, (await cookies()).get(HELD_COOKIE)?.value)
  const shown = buildThread(
    placeHeldComments(comments, held, { lastPage: commentsPage === threadPages }),
    settings.commentNestingDepth,
  )
  return (
    <article>
      <WordPressAnchor slug={post.slug} />
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
        <time dateTime={post.publishedAt ?? undefined}>
          {formatDate(post.publishedAt, timeZone)}
        </time>
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
      <PostBody data={post.body} />
      <section aria-labelledby="comments-heading" className="comments">
        <h2 id="comments-heading">
          {`${approvedTotal} ${approvedTotal === 1 ? 'comment' : 'comments'}`}
        </h2>
        <CommentThread
          nodes={shown}
          timeZone={timeZone}
          replyHref={
            closed ? null : (id) => `/posts/${post.slug}?replyto=${id}${pageQuery}#respond`
          }
        />
        <Pagination
          basePath={`/posts/${post.slug}`}
          page={commentsPage}
          totalPages={threadPages}
          param="comments"
          fragment="#comments-heading"
          label="Comment pages"
        />
        {closed ? (
          <>
            <p className="comments-closed">Comments are closed.</p>
            {post.commentsClosedReason ? (
              <p className="comments-closed__reason">{post.commentsClosedReason}</p>
            ) : null}
          </>
        ) : (
          <CommentForm
            postId={post.id}
            slug={post.slug}
            replyTo={replyTo ? { id: replyTo.id, authorName: replyTo.authorName } : null}
            submitted={submitted}
          />
        )}
      </section>
    </article>
  )
}
