import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { buildThread } from '@/comments/buildThread'
import { Byline } from '@/components/Byline'
import { CommentThread } from '@/components/CommentThread'
import { Pagination } from '@/components/Pagination'
import { listApprovedComments } from '@/data/comments'
import { findPublishedPost } from '@/data/posts'
import { getSiteSettings } from '@/data/siteSettings'
import { formatDate } from '@/formatDate'
import { pageNumber } from '@/pageNumber'
import type { Category } from '@/payload-types'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<{ comments?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await findPublishedPost((await params).slug)
  if (!post) return {}
  return {
    title: post.title,
    description: post.excerpt ?? undefined,
    alternates: { canonical: `/posts/${post.slug}` },
    openGraph: {
      type: 'article',
      title: post.title,
      description: post.excerpt ?? undefined,
      publishedTime: post.publishedAt ?? undefined,
    },
  }
}

export default async function PostPage({ params, searchParams }: Props) {
  const post = await findPublishedPost((await params).slug)
  const commentsPage = pageNumber((await searchParams).comments)
  if (!post || commentsPage === null) notFound()
  const settings = await getSiteSettings()
  const categories = (post.categories ?? []).filter((c): c is Category => typeof c === 'object')
  const closed = post.archived || post.commentStatus === 'closed'
  const comments = await listApprovedComments(post.id)
  const thread = buildThread(comments, settings.commentNestingDepth)
  const threadPages = Math.max(1, Math.ceil(thread.length / settings.commentsPerPage))
  if (commentsPage > threadPages) notFound()
  const shown = thread.slice(
    (commentsPage - 1) * settings.commentsPerPage,
    commentsPage * settings.commentsPerPage,
  )
  return (
    <article>
      {post.archived ? (
        <div className="archive-notice" role="status" aria-label="Archived page">
          <p>{post.archiveNotice || settings.archiveNotice}</p>
          <p>
            <a href={settings.currentSiteUrl}>Go to the current {settings.agencyName} website</a>
          </p>
        </div>
      ) : null}
      <h1>{post.title}</h1>
      <p className="post-meta">
        <time dateTime={post.publishedAt ?? undefined}>{formatDate(post.publishedAt)}</time>
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
      <RichText data={post.body} />
      <section aria-labelledby="comments-heading" className="comments">
        <h2 id="comments-heading">
          {`${comments.length} ${comments.length === 1 ? 'comment' : 'comments'}`}
        </h2>
        <CommentThread nodes={shown} />
        <Pagination
          basePath={`/posts/${post.slug}`}
          page={commentsPage}
          totalPages={threadPages}
          param="comments"
          fragment="#comments-heading"
          label="Comment pages"
        />
        {closed ? <p>Comments are closed.</p> : null}
      </section>
    </article>
  )
}
