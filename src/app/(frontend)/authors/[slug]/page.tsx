import type { Metadata } from 'next'

import { Pagination } from '@/components/Pagination'
import { PostList } from '@/components/PostList'
import { listPosts } from '@/data/posts'
import { findAuthorBySlug } from '@/data/profiles'
import { pageNumber } from '@/lib/pageNumber'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'
import { pageMetadata } from '@/site/pageMetadata'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<{ page?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await findAuthorBySlug((await params).slug)
  if (!author) return notFoundMetadata
  return pageMetadata({
    title: author.name,
    description: author.bio ?? `Posts by ${author.name}${author.title ? `, ${author.title}` : ''}.`,
    path: `/authors/${author.slug}`,
  })
}

/** An author's profile and their posts. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await findAuthorBySlug((await params).slug)
  const page = pageNumber((await searchParams).page)
  if (!author || page === null) return notFoundPage()
  const result = await listPosts({ author: author.id }, page)
  if (page > Math.max(result.totalPages, 1)) return notFoundPage()
  return (
    <>
      <h1>{author.name}</h1>
      {author.title || author.office ? (
        <p className="post-meta">{[author.title, author.office].filter(Boolean).join(', ')}</p>
      ) : null}
      {author.bio ? <p>{author.bio}</p> : null}
      <h2>Posts</h2>
      <PostList posts={result.docs} headingLevel={3} />
      <Pagination basePath={`/authors/${author.slug}`} page={page} totalPages={result.totalPages} />
    </>
  )
}
