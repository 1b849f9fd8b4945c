import type { Browser, Page } from 'playwright-core'

import { lexicalFromBlocks } from '@/seed/lexicalFromBlocks'

import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

// The site search as readers use it, on the production build with the demo content: the header's
// form and the results page, with and without JavaScript.

const PASSWORD = 'e2e-search-password'
const VIEWPORTS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } }
/** A word only the posts this file creates hold. */
const SHARED = 'zqsearchpaging'
const HOSTILE = 'zqhostile'

let app: AppProcess
let browser: Browser
let token: string

async function createPost(data: Record<string, unknown>) {
  const authors = await fetch(`${app.baseUrl}/api/authors?limit=1`).then((r) => r.json())
  const res = await fetch(`${app.baseUrl}/api/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({
      body: lexicalFromBlocks([{ type: 'paragraph', text: 'A short test post.' }]),
      authors: [authors.docs[0].id],
      _status: 'published',
      ...data,
    }),
  })
  expect(res.status).toBe(201)
}

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
  const login = await fetch(`${app.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.gov', password: PASSWORD }),
  }).then((r) => r.json())
  token = login.token
  for (let i = 1; i <= 12; i++) await createPost({ title: `Paging ${SHARED} ${i}` })
  await createPost({ title: `Draft ${SHARED}`, _status: 'draft' })
  await createPost({
    title: `<img src=x onerror="document.title='owned'"> ${HOSTILE}`,
    excerpt: `<script>document.title='owned'</script> ${HOSTILE}`,
  })
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const resultLinks = (page: Page) =>
  page.$$eval('.search-results .usa-collection__heading a', (links) =>
    links.map((link) => link.getAttribute('href')),
  )

describe('site search', () => {
  it('works without JavaScript: the header form, marked matches, an archived post labelled', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: VIEWPORTS.desktop,
    })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await page.fill('#site-search-query', 'LockLine alerts')
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.press('#site-search-query', 'Enter'),
    ])
    expect(response?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/search')
    expect(new URL(page.url()).searchParams.get('q')).toBe('LockLine alerts')
    expect(await page.inputValue('#search-page-query')).toBe('LockLine alerts')
    expect(await resultLinks(page)).toEqual(['/posts/lockline-text-alerts-pilot'])
    const marks = await page.$$eval('.search-results h2 mark', (found) =>
      found.map((mark) => mark.textContent),
    )
    expect(marks).toEqual(['LockLine', 'alerts'])
    expect(await page.textContent('.search-results .archived-label')).toBe('Archived')
    expect(await page.textContent('.search-summary')).toBe('1 post matches “LockLine alerts”.')
    await context.close()
  })

  it('works with JavaScript, and pages the results with the query kept, drafts left out', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop })
    await page.goto(`${app.baseUrl}/search`)
    expect(await page.textContent('main')).toContain('Enter words to find')
    await page.fill('#search-page-query', SHARED)
    await Promise.all([page.waitForURL(/\/search\?q=/), page.click('main button[type=submit]')])
    expect(await page.textContent('.search-summary')).toBe(
      `12 posts match “${SHARED}”: 1 to 10 shown.`,
    )
    const first = await resultLinks(page)
    expect(first).toHaveLength(10)
    await Promise.all([page.waitForURL(/page=2/), page.click('a[rel=next]')])
    expect(new URL(page.url()).searchParams.get('q')).toBe(SHARED)
    const second = await resultLinks(page)
    expect(second).toHaveLength(2)
    expect(new Set([...first, ...second]).size).toBe(12)
    expect([...first, ...second].some((href) => href?.includes('draft'))).toBe(false)
    await page.close()
  })

  it('shows a post’s markup as text, never as HTML', async () => {
    const res = await fetch(`${app.baseUrl}/search?q=${HOSTILE}`)
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain(
      `&lt;img src=x onerror=&quot;document.title=&#x27;owned&#x27;&quot;&gt; <mark>${HOSTILE}</mark>`,
    )
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain("<script>document.title='owned'")
    const page = await browser.newPage()
    await page.goto(`${app.baseUrl}/search?q=${HOSTILE}`)
    expect(await page.title()).not.toBe('owned')
    await page.close()
  })

  it('answers 400 with a message for a query over 200 characters, and is never stored for a CDN', async () => {
    const long = await fetch(`${app.baseUrl}/search?q=${'a'.repeat(201)}`)
    expect(long.status).toBe(400)
    expect(await long.text()).toContain(
      'Your search is 201 characters long. Search for at most 200 characters.',
    )
    const none = await fetch(`${app.baseUrl}/search?q=${encodeURIComponent('zqnothing matches')}`)
    expect(none.status).toBe(200)
    expect(await none.text()).toContain('No posts match “zqnothing matches”.')
    expect(none.headers.get('cache-control')).not.toMatch(/public|s-maxage/)
    expect(none.headers.get('x-page-cache')).toBeNull()
  })

  describe.each(Object.entries(VIEWPORTS))('WCAG 2.1 AA with axe-core, %s', (_name, viewport) => {
    it.each([
      ['results', `/search?q=${SHARED}`],
      ['empty search', '/search'],
      ['too long', `/search?q=${'a'.repeat(201)}`],
    ])('reports no violations on the %s page', async (_label, path) => {
      const page = await browser.newPage({ viewport })
      await page.goto(`${app.baseUrl}${path}`)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
      expect(await axeViolations(page, 'body')).toEqual([])
      await page.close()
    })
  })
})
