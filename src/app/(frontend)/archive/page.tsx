import type { Metadata } from 'next'

import { Pagination } from '@/components/Pagination'
import { PostList } from '@/components/PostList'
import { listPosts } from '@/data/posts'
import { pageNumber } from '@/lib/pageNumber'
import { notFoundPage } from '@/site/notFoundPage'
import { pageMetadata } from '@/site/pageMetadata'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ page?: string | string[] }> }

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    title: 'Archive',
    description: 'Archived posts: kept online as a record, no longer updated.',
    path: '/archive',
  })
}

/** Archived posts, newest first, grouped by the year they were published. */
export default async function ArchivePage({ searchParams }: Props) {
  const page = pageNumber((await searchParams).page)
  if (page === null) return notFoundPage()
  const result = await listPosts({ archived: true }, page)
  if (page > Math.max(result.totalPages, 1)) return notFoundPage()
  const years = new Map<string, typeof result.docs>()
  for (const post of result.docs) {
    const year = post.publishedAt?.slice(0, 4) ?? 'Undated'
    years.set(year, [...(years.get(year) ?? []), post])
  }
  return (
    <>
      <h1>Archive</h1>
      <p>These posts are kept online as a record. They are archived and no longer updated.</p>
      {result.docs.length === 0 ? <p>No archived posts.</p> : null}
      {[...years].map(([year, posts]) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>{year}</h2>
          <PostList posts={posts} headingLevel={3} />
        </section>
      ))}
      <Pagination basePath="/archive" page={page} totalPages={result.totalPages} />
    </>
  )
}
