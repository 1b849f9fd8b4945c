'use client'

import { useEffect } from 'react'

/**
 * Follows an old WordPress comment link after its redirect. The server never sees `#comment-<id>`;
 * the browser keeps it through the redirect to `/posts/<slug>?from=wordpress#comment-<id>`, where
 * the number is WordPress's, not ours, and the comment may be on another page of the thread. This
 * asks the comment permalink for it by its WordPress id; with no anchor it only tidies the address.
 * Without JavaScript the reader stays on the post's first page.
 */
export function WordPressAnchor({ slug }: { slug: string }) {
  useEffect(() => {
    const query = new URLSearchParams(window.location.search)
    if (query.get('from') !== 'wordpress') return
    const anchor = /^#comment-(\d{1,12})$/.exec(window.location.hash)
    if (anchor) {
      window.location.replace(`/posts/${encodeURIComponent(slug)}/comments/wordpress-${anchor[1]}`)
      return
    }
    query.delete('from')
    const rest = query.toString()
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`,
    )
  }, [slug])
  return null
}
