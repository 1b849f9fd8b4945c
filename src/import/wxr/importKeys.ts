/**
 * What an imported post is matched on when the same blog is imported again: the blog's address
 * and the post's WordPress id. The address is written without its scheme and a leading "www.",
 * host in lower case, so an export taken after the blog moved from http to https (or dropped
 * "www.") updates the posts it brought in before instead of adding them a second time.
 *
 * `earlier` lists the forms the first release of the import stored (the address as the export
 * wrote it, any scheme, with and without "www."), so posts imported then are still found.
 */
export function postImportKeys(
  blogUrl: string,
  postId: number,
): { key: string; earlier: string[] } {
  const raw = blogUrl.trim().replace(/\/+$/, '')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { key: `${raw}/?p=${postId}`, earlier: [] }
  }
  const host = url.host.toLowerCase().replace(/^www\./, '')
  const path = url.pathname.replace(/\/+$/, '')
  const key = `${host}${path}/?p=${postId}`
  const hosts = [url.host, host, `www.${host}`]
  const earlier = new Set([`${raw}/?p=${postId}`])
  for (const scheme of ['http:', 'https:']) {
    for (const each of hosts) earlier.add(`${scheme}//${each}${path}/?p=${postId}`)
  }
  earlier.delete(key)
  return { key, earlier: [...earlier] }
}
