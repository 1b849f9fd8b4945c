import {
  checkFromPath,
  checkTargetUrl,
  locationOf,
  normalisePath,
  sitePathOf,
} from '@/redirects/redirectPaths'

const value = (checked: { ok: boolean; value?: string; message?: string }) =>
  checked.ok ? checked.value : `refused: ${checked.message}`

describe('redirects.normalisePath', () => {
  it.each([
    ['/old-page', '/old-page'],
    ['  /old-page/  ', '/old-page'],
    ['/2019//04///report/', '/2019/04/report'],
    ['/Old%20Page', '/Old Page'],
    ['/caf%C3%A9', '/café'],
    // NFD "é" (e + combining accent) and NFC "é" are one path.
    ['/cafe\u0301', '/café'],
    ['/CaseKept', '/CaseKept'],
    ['/', '/'],
  ])('%s -> %s', (input, expected) => {
    expect(value(normalisePath(input))).toBe(expected)
  })

  it.each([
    ['old-page', /single \//],
    ['//host/path', /single \//],
    ['https://example.gov/x', /single \//],
    ['/x?y=1', /path only/],
    ['/x#y', /path only/],
    ['/x\u0000y', /control character/],
    ['/x\\y', /backslash/],
    ['/a/./b', /segment/],
    ['/a/../b', /segment/],
    ['/%E0%A4%A', /percent-encoding/],
    [`/${'a'.repeat(1000)}`, /under 1000/],
  ])('refuses %s', (input, message) => {
    expect(value(normalisePath(input))).toMatch(message)
  })
})

describe('redirects.checkFromPath', () => {
  it.each([
    '/',
    '/admin',
    '/admin/collections/posts',
    '/api/posts',
    '/_next/static/x.js',
    '/preview/posts/1',
    '/healthz',
    '/archive',
    '/archive/',
    '/search',
    '/feed.xml',
    '/feed.atom',
    '/sitemap.xml',
    '/robots.txt',
  ])('refuses %s: the site answers there itself', (path) => {
    expect(value(checkFromPath(path))).toMatch(/site's own pages/)
  })

  it.each(['/administration', '/archive/2019', '/posts/old-slug', '/2019/04/report', '/apis'])(
    'accepts %s',
    (path) => {
      expect(checkFromPath(path).ok).toBe(true)
    },
  )
})

describe('redirects.checkTargetUrl', () => {
  it.each([
    ['/new-page', '/new-page'],
    ['/new-page/?a=1#b', '/new-page?a=1#b'],
    ['/', '/'],
    ['https://www.example.gov/reports?year=2024', 'https://www.example.gov/reports?year=2024'],
    ['  http://EXAMPLE.gov  ', 'http://example.gov/'],
  ])('%s -> %s', (input, expected) => {
    expect(value(checkTargetUrl(input))).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,hi',
    'vbscript:x',
    'ftp://example.gov/',
    'mailto:someone@example.gov',
    '//evil.example/',
    'https://user:pass@example.gov/',
    'relative/path',
    '',
  ])('refuses %j', (input) => {
    expect(checkTargetUrl(input).ok).toBe(false)
  })
})

describe('redirects.sitePathOf and locationOf', () => {
  it('finds the path of a target on this site, and none for a web address', () => {
    expect(sitePathOf('/a/b?c#d')).toBe('/a/b')
    expect(sitePathOf('https://example.gov/a')).toBeNull()
  })

  it('percent-encodes what the Location header cannot carry', () => {
    expect(locationOf('/Neue Seite?q=ä#Über')).toBe('/Neue%20Seite?q=%C3%A4#%C3%9Cber')
    expect(locationOf('https://example.gov/a b')).toBe('https://example.gov/a%20b')
  })
})
