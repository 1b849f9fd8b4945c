/**
 * The rules for the two ends of a redirect, as pure functions: the `from` path (a path on this
 * site, kept in one normal form so that a lookup is one equality on an indexed column) and the
 * `to` address (a path on this site or a web address, never a `javascript:` or `data:` one).
 */

export type Checked = { ok: true; value: string } | { ok: false; message: string }

const MAX_LENGTH = 1000

const refused = (message: string): Checked => ({ ok: false, message })

/**
 * Paths that never reach the redirect lookup: the site's own pages and what the server routes
 * before the catch-all (the admin, the APIs, Next's assets, the health check, previews).
 */
const RESERVED = [
  /^\/$/,
  /^\/(?:admin|api|_next|preview|healthz)(?:\/|$)/,
  /^\/(?:archive|search|feed\.xml|feed\.atom|sitemap\.xml|robots\.txt|favicon\.ico)$/,
]

export const isReservedPath = (path: string) => RESERVED.some((pattern) => pattern.test(path))

/**
 * One path in its normal form: each segment percent-decoded (as the public routes receive it) and
 * in Unicode NFC, empty segments and the trailing slash dropped (Next redirects `/a/` to `/a`
 * before any page sees it). `/Old%20Page/` and `/Old Page` are the same path; case is kept.
 */
export function normalisePath(input: string): Checked {
  const path = input.trim()
  if (!path.startsWith('/') || path.startsWith('//')) {
    return refused('Enter a path on this site, starting with a single / (e.g. /old-page).')
  }
  if (/[?#]/.test(path)) {
    return refused('A redirect matches the path only: remove the query (?…) or fragment (#…).')
  }
  if (/[\u0000-\u001f\u007f\\]/.test(path)) {
    return refused('The path has a control character or a backslash.')
  }
  const segments: string[] = []
  for (const raw of path.split('/')) {
    if (!raw) continue
    let segment: string
    try {
      segment = decodeURIComponent(raw).normalize('NFC')
    } catch {
      return refused(`"${raw.slice(0, 40)}" is not valid percent-encoding.`)
    }
    if (segment === '.' || segment === '..') {
      return refused('The path has a "." or ".." segment, which browsers resolve before asking.')
    }
    segments.push(segment)
  }
  const value = `/${segments.join('/')}`
  if (value.length > MAX_LENGTH) return refused(`Keep the path under ${MAX_LENGTH} characters.`)
  return { ok: true, value }
}

/** A redirect's `from`: a normal path that the redirect lookup can ever be asked for. */
export function checkFromPath(input: string): Checked {
  const path = normalisePath(input)
  if (!path.ok || !isReservedPath(path.value)) return path
  return refused(
    `${path.value} is one of the site's own pages or routes; a redirect from it would never be used.`,
  )
}

const WEB_PROTOCOLS = new Set(['http:', 'https:'])

/**
 * A redirect's `to` address: a path on this site (its path normalised as for `from`, a query and
 * fragment kept) or an absolute http(s) address without credentials. Anything else, `javascript:`
 * and `data:` among them however they are spelled, is refused.
 */
export function checkTargetUrl(input: string): Checked {
  const url = input.trim()
  if (url.length > 2000) return refused('Keep the address under 2000 characters.')
  if (url.startsWith('/') && !url.startsWith('//')) {
    const cut = url.search(/[?#]/)
    const path = normalisePath(cut === -1 ? url : url.slice(0, cut))
    if (!path.ok) return path
    return { ok: true, value: path.value + (cut === -1 ? '' : url.slice(cut)) }
  }
  if (!URL.canParse(url)) {
    return refused('Enter a path on this site (/new-page) or a full http(s) address.')
  }
  const parsed = new URL(url)
  if (!WEB_PROTOCOLS.has(parsed.protocol)) {
    return refused('Only http and https addresses, or paths on this site, can be redirect targets.')
  }
  if (parsed.username || parsed.password) {
    return refused('A redirect address must not carry a user name or password.')
  }
  return { ok: true, value: parsed.href }
}

/** The path part of a `to` address on this site (what a chain would match), or null. */
export function sitePathOf(url: string): string | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null
  const cut = url.search(/[?#]/)
  return cut === -1 ? url : url.slice(0, cut)
}

/** A stored `to` address as a Location header value: non-ASCII characters percent-encoded. */
export function locationOf(url: string): string {
  if (!url.startsWith('/')) return new URL(url).href
  const parsed = new URL(url, 'https://site.invalid')
  return parsed.pathname + parsed.search + parsed.hash
}

/** The public address of a post. */
export const postPath = (slug: string) => `/posts/${slug}`
