const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * Whether a link target is safe to put in a page: web, mail and phone addresses, and addresses
 * relative to the site. `javascript:`, `data:`, `vbscript:` and the rest are not, however they
 * are spelled (the URL parser, like the browser, ignores case, tabs, line breaks and leading
 * spaces in the scheme).
 */
export function isSafeLinkUrl(url: string): boolean {
  if (!URL.canParse(url, 'https://site.invalid/')) return false
  return SAFE_PROTOCOLS.has(new URL(url, 'https://site.invalid/').protocol)
}
