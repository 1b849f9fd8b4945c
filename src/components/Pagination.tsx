import { pageSlots } from '@/lib/pageSlots'

/**
 * Real links (no script needed): Previous, the pages pageSlots picks with gaps between, Next, as a
 * USWDS pagination. Page 1 is `basePath` itself; others add `?<param>=n`, then `fragment`.
 * `query` is kept in every link (the search page's `q`).
 */
export function Pagination({
  basePath,
  page,
  totalPages,
  param = 'page',
  fragment = '',
  label = 'Pages',
  query = {},
}: {
  basePath: string
  page: number
  totalPages: number
  param?: string
  fragment?: string
  label?: string
  query?: Record<string, string>
}) {
  if (totalPages <= 1) return null
  const href = (n: number) => {
    const search = new URLSearchParams(query)
    if (n > 1) search.set(param, String(n))
    const rest = search.toString()
    return `${basePath}${rest ? `?${rest}` : ''}${fragment}`
  }
  return (
    <nav className="usa-pagination" aria-label={label}>
      <ul className="usa-pagination__list">
        {page > 1 ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <a
              href={href(page - 1)}
              rel="prev"
              className="usa-pagination__link usa-pagination__previous-page"
              aria-label="Previous page"
            >
              <span className="usa-pagination__link-text">Previous</span>
            </a>
          </li>
        ) : null}
        {pageSlots(page, totalPages).map((n, index) =>
          n === 'gap' ? (
            <li
              key={`gap-${index}`}
              className="usa-pagination__item usa-pagination__overflow"
              aria-label="ellipsis indicating non-visible pages"
            >
              <span>…</span>
            </li>
          ) : (
            <li key={n} className="usa-pagination__item usa-pagination__page-no">
              <a
                href={href(n)}
                className={`usa-pagination__button${n === page ? ' usa-current' : ''}`}
                aria-label={`Page ${n}`}
                aria-current={n === page ? 'page' : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
        {page < totalPages ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <a
              href={href(page + 1)}
              rel="next"
              className="usa-pagination__link usa-pagination__next-page"
              aria-label="Next page"
            >
              <span className="usa-pagination__link-text">Next</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
