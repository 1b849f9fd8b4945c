import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'

import { Pagination } from '@/components/Pagination'
import { PostList } from '@/components/PostList'
import { postForLegacyId } from '@/data/legacyRedirects'
import { approvedCommentCounts, listPosts } from '@/data/posts'
import { getSiteSettings } from '@/data/siteSettings'
import { pageNumber } from '@/lib/pageNumber'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'
import { pageMetadata } from '@/site/pageMetadata'

export const dynamic = 'force-dynamic'

type Props = {
  searchParams: Promise<Record<'page' | 'p' | 'replytocom', string | string[] | undefined>>
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = pageNumber((await searchParams).page)
  const settings = await getSiteSettings()
  // The home page shares its segment with the layout, so the layout's title template skips it.
  if (page === null) return { ...notFoundMetadata, title: `Page not found · ${settings.siteName}` }
  return pageMetadata({
    ogTitle: settings.siteName,
    description: `News and updates from ${settings.agencyName}.`,
    path: page > 1 ? `/?page=${page}` : '/',
  })
}

/** The current (not archived) posts, newest first, ten a page. */
export default async function HomePage({ searchParams }: Props) {
  const query = await searchParams
  // An imported WordPress post's `?p=<id>` address.
  if (query.p !== undefined) {
    const target = await postForLegacyId(query.p, query)
    if (target) permanentRedirect(target)
    return notFoundPage()
  }
  const page = pageNumber(query.page)
  if (page === null) return notFoundPage()
  const result = await listPosts({ archived: false }, page)
  if (page > Math.max(result.totalPages, 1)) return notFoundPage()
  const counts = await approvedCommentCounts(result.docs.map((post) => post.id))
  return (
    <>
      <h1>Latest posts</h1>
      {result.docs.length === 0 ? <p>No posts yet.</p> : null}
      <PostList posts={result.docs} commentCounts={counts} />
      <Pagination basePath="/" page={page} totalPages={result.totalPages} />
      <p>
        <a href="/archive">Archived posts</a>
      </p>
    </>
  )
}
