import searchIcon from '@uswds/uswds/img/usa-icons-bg/search--white.svg'

import { MAX_QUERY_LENGTH } from '@/search/searchQuery'

/**
 * The site search as a plain GET form to /search (USWDS search component): it works without
 * JavaScript. `small` is the header's; the search page shows the larger one with the query.
 */
export function SearchForm({
  id,
  value = '',
  small = false,
}: {
  id: string
  value?: string
  small?: boolean
}) {
  return (
    <form
      className={`usa-search${small ? ' usa-search--small' : ''} site-search`}
      role="search"
      action="/search"
      method="get"
    >
      <label className="usa-sr-only" htmlFor={id}>
        Search posts
      </label>
      <input
        className="usa-input"
        id={id}
        type="search"
        name="q"
        defaultValue={value}
        maxLength={MAX_QUERY_LENGTH}
      />
      <button className="usa-button" type="submit">
        {small ? null : <span className="usa-search__submit-text">Search</span>}
        {/* USWDS shows the text or the icon, by screen width: each carries the name. */}
        <img src={searchIcon.src} className="usa-search__submit-icon" alt="Search" />
      </button>
    </form>
  )
}
