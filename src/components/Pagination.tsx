/**
 * Real links to every page (no script needed): Previous, 1 2 3 …, Next. Page 1 is `basePath`
 * itself; others add `?<param>=n`, then `fragment` when given.
 */
export function Pagination({
  basePath,
  page,
  totalPages,
  param = 'page',
  fragment = '',
  label = 'Pages',
}: {
  basePath: string
  page: number
  totalPages: number
  param?: string
  fragment?: string
  label?: string
}) {
  if (totalPages <= 1) return null
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?${param}=${n}`) + fragment
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              Previous
            </a>
          </li>
        ) : null}
        {Array.from({ length: totalPages }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <a href={href(n)} aria-label={`Page ${n}`}>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < totalPages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              Next
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
