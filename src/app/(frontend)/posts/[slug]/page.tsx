import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { findPublishedPost } from '@/data/posts'
import { getSiteSettings } from '@/data/siteSettings'
import { formatDate } from '@/formatDate'
import type { Author } from '@/payload-types'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await findPublishedPost((await params).slug)
  return post ? { title: post.title, description: post.excerpt ?? undefined } : {}
}

export default async function PostPage({ params }: Props) {
  const post = await findPublishedPost((await params).slug)
  if (!post) notFound()
  const settings = await getSiteSettings()
  const authors = (post.authors ?? []).filter((a): a is Author => typeof a === 'object')
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
        {authors.map((a) => (
          <span key={a.id}>
            {' · '}
            {a.name}
            {a.title ? `, ${a.title}` : ''}
          </span>
        ))}
      </p>
      <RichText data={post.body} />
      {post.commentStatus === 'closed' ? <p>Comments are closed.</p> : null}
    </article>
  )
}
