import type { Metadata } from 'next'

import { Pagination } from '@/components/Pagination'
import { SearchForm } from '@/components/SearchForm'
import { SearchResults } from '@/components/SearchResults'
import { getPayloadClient } from '@/data/getPayloadClient'
import { SEARCH_RESULTS_PER_PAGE, searchPosts } from '@/data/searchPosts'
import { pageNumber } from '@/lib/pageNumber'
import { runtimeOf } from '@/runtime/runtime'
import { MAX_QUERY_LENGTH, readSearchQuery } from '@/search/searchQuery'
import { notFoundPage } from '@/site/notFoundPage'
import { pageMetadata } from '@/site/pageMetadata'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }

export async function generateMetadata(): Promise<Metadata> {
  return {
    ...(await pageMetadata({
      title: 'Search',
      description: 'Search the posts of this blog.',
      path: '/search',
    })),
    // One page per query: not for search engines' indexes.
    robots: { index: false, follow: true },
  }
}

const FORM_ID = 'search-page-query'

/**
 * Site search over published posts (src/search): a GET form and results rendered here, so it
 * works without JavaScript. An over-long query answers 400; an empty one shows the form.
 * Never stored by the page cache (src/server/pageCache.ts): each distinct query would be a page.
 */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const query = readSearchQuery(params.q)
  const page = pageNumber(params.page)
  if (page === null) return notFoundPage()

  if (query.kind === 'too-long') {
    runtimeOf(await getPayloadClient()).responses.setStatus(400)
    return (
      <>
        <h1>Search</h1>
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {`Your search is ${query.length} characters long. Search for at most ${MAX_QUERY_LENGTH} characters.`}
            </p>
          </div>
        </div>
        <SearchForm id={FORM_ID} />
      </>
    )
  }
  if (query.kind === 'empty') {
    return (
      <>
        <h1>Search</h1>
        <p>Enter words to find in the posts’ titles, text, authors and categories.</p>
        <SearchForm id={FORM_ID} />
      </>
    )
  }

  const found =
    query.kind === 'words'
      ? await searchPosts(query.terms, page)
      : { results: [], total: 0, totalPages: 0 }
  if (page > Math.max(found.totalPages, 1)) return notFoundPage()
  const first = (page - 1) * SEARCH_RESULTS_PER_PAGE + 1
  return (
    <>
      <h1>Search</h1>
      <SearchForm id={FORM_ID} value={query.text} />
      <p className="search-summary" role="status">
        {found.total === 0
          ? `No posts match “${query.text}”. Try other or fewer words.`
          : `${found.total} ${found.total === 1 ? 'post matches' : 'posts match'} “${query.text}”` +
            (found.totalPages > 1
              ? `: ${first} to ${first + found.results.length - 1} shown.`
              : '.')}
      </p>
      {found.results.length ? <SearchResults results={found.results} start={first} /> : null}
      <Pagination
        basePath="/search"
        page={page}
        totalPages={found.totalPages}
        query={{ q: query.text }}
        label="Search result pages"
      />
    </>
  )
}
