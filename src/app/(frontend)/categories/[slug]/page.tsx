import type { Metadata } from 'next'

import { Pagination } from '@/components/Pagination'
import { PostList } from '@/components/PostList'
import { listPosts } from '@/data/posts'
import { findCategoryBySlug } from '@/data/profiles'
import { pageNumber } from '@/lib/pageNumber'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'
import { pageMetadata } from '@/site/pageMetadata'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<{ page?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await findCategoryBySlug((await params).slug)
  if (!category) return notFoundMetadata
  return pageMetadata({
    title: category.title,
    description: `Posts about ${category.title}.`,
    path: `/categories/${category.slug}`,
  })
}

/** The posts of one category. */
export default async function CategoryPage({ params, searchParams }: Props) {
  const category = await findCategoryBySlug((await params).slug)
  const page = pageNumber((await searchParams).page)
  if (!category || page === null) return notFoundPage()
  const result = await listPosts({ category: category.id }, page)
  if (page > Math.max(result.totalPages, 1)) return notFoundPage()
  return (
    <>
      <h1>{category.title}</h1>
      <PostList posts={result.docs} />
      <Pagination
        basePath={`/categories/${category.slug}`}
        page={page}
        totalPages={result.totalPages}
      />
    </>
  )
}
