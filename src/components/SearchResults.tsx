import { getSiteSettings } from '@/data/siteSettings'
import type { SearchResult } from '@/data/searchPosts'
import { formatDate } from '@/lib/formatDate'
import { agencyTimeZone } from '@/lib/timeZone'
import { hasMatch } from '@/search/searchMarks'

import { Byline } from './Byline'
import { MarkedText } from './MarkedText'

/**
 * One page of search results (USWDS collection): the title, excerpt and a passage of the body
 * with the matches marked, the Archived tag, date and authors.
 */
export async function SearchResults({
  results,
  start,
}: {
  results: SearchResult[]
  start: number
}) {
  const timeZone = agencyTimeZone(await getSiteSettings())
  return (
    <ol className="usa-collection post-list search-results" start={start}>
      {results.map(({ post, hit }) => (
        <li key={post.id} className="usa-collection__item">
          <div className="usa-collection__body">
            <h2 className="usa-collection__heading">
              <a className="usa-link" href={`/posts/${post.slug}`}>
                <MarkedText text={hit.title || post.title} />
              </a>
              {post.archived ? <span className="usa-tag archived-label">Archived</span> : null}
            </h2>
            {hit.excerpt ? (
              <p className="usa-collection__description">
                <MarkedText text={hit.excerpt} />
              </p>
            ) : null}
            {hasMatch(hit.snippet) ? (
              <p className="usa-collection__description search-results__passage">
                <MarkedText text={hit.snippet} />
              </p>
            ) : null}
            <ul className="usa-collection__meta" aria-label="More information">
              <li className="usa-collection__meta-item">
                <time dateTime={post.publishedAt ?? undefined}>
                  {formatDate(post.publishedAt, timeZone)}
                </time>
              </li>
              {post.authors?.length ? (
                <li className="usa-collection__meta-item">
                  <Byline authors={post.authors} />
                </li>
              ) : null}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  )
}
