import type { Metadata } from 'next'
import { cookies } from 'next/headers'

import { HELD_COOKIE } from '@/comments/held/heldCommentsCookie'
import { placeHeldComments } from '@/comments/held/placeHeldComments'
import { buildThread } from '@/comments/rules/buildThread'
import { threadClosure } from '@/comments/rules/threadClosure'
import { CommentForm } from '@/components/CommentForm'
import { CommentThread } from '@/components/CommentThread'
import { PostArticle } from '@/components/PostArticle'
import { Pagination } from '@/components/Pagination'
import { WordPressAnchor } from '@/components/WordPressAnchor'
import { loadHeldComments } from '@/data/heldComments'
import { loadPostPage } from '@/data/postPage'
import { findPublishedPost } from '@/data/posts'
import { getSiteSettings } from '@/data/siteSettings'
import { siteUrl as readSiteUrl } from '@/data/siteUrl'
import { agencyTimeZone } from '@/lib/timeZone'
import { pageNumber } from '@/lib/pageNumber'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'
import { articleData, jsonForScript } from '@/site/articleData'
import { shareImageOf } from '@/site/featuredImage'
import { redirectOrNotFound } from '@/site/redirectOrNotFound'
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
  const title = post.meta?.title || post.title
  // The search description, or the excerpt, or the start of the text: never empty.
  const description = post.meta?.description || summaryOf(post) || undefined
  const image = shareImageOf(post)
  const images = image
    ? [{ url: image.url, width: image.width, height: image.height, alt: image.alt }]
    : undefined
  return {
    title,
    description,
    alternates: { canonical: `/posts/${post.slug}` },
    openGraph: {
      type: 'article',
      siteName,
      title,
      description,
      publishedTime: post.publishedAt ?? undefined,
      modifiedTime: post.updatedAt,
      url: `/posts/${post.slug}`,
      images,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title, description, images },
  }
}

export default async function PostPage({ params, searchParams }: Props) {
  const query = await searchParams
  const { slug } = await params
  const commentsPage = pageNumber(query.comments)
  if (commentsPage === null) return notFoundPage()
  const data = await loadPostPage(slug, commentsPage)
  // An old address of a renamed post (or any redirect an editor made from here).
  if (!data) return redirectOrNotFound(`/posts/${slug}`, query)
  const { post, settings, discussion } = data
  const { comments, totalPages: threadPages, approvedTotal } = discussion
  if (commentsPage > threadPages) return notFoundPage()
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
      <PostArticle post={post} settings={settings} timeZone={timeZone} />
      <script
        type="application/ld+json"
        // Data, not script: browsers do not run it, and jsonForScript escapes every `<`.
        dangerouslySetInnerHTML={{
          __html: jsonForScript(
            articleData(post, { siteUrl: await readSiteUrl(), agencyName: settings.agencyName }),
          ),
        }}
      />
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
