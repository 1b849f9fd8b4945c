import sharp from 'sharp'

import { DEMO_AUTHORS, DEMO_CATEGORIES, DEMO_POSTS } from '@/seed/demoContent'

import { lexicalFromBlocks } from '@/seed/lexicalFromBlocks'

import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

const PASSWORD = 'e2e-reading-password'
let app: AppProcess

const current = DEMO_POSTS.filter((p) => !p.archived)
const archived = DEMO_POSTS.filter((p) => p.archived)
const newestFirst = <T extends { publishedAt: string }>(posts: T[]) =>
  [...posts].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
const html = (path: string) =>
  fetch(`${app.baseUrl}${path}`).then(async (r) => ({ status: r.status, text: await r.text() }))
const extraTitles = ['Extra one', 'Extra two', 'Extra three']
let editorToken: string

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  // Enough current posts for a second page (10 a page).
  const login = await fetch(`${app.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.gov', password: PASSWORD }),
  }).then((r) => r.json())
  editorToken = login.token
  const authors = await fetch(`${app.baseUrl}/api/authors?limit=1`).then((r) => r.json())
  for (const [index, title] of extraTitles.entries()) {
    const res = await fetch(`${app.baseUrl}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${login.token}` },
      body: JSON.stringify({
        title,
        body: lexicalFromBlocks([{ type: 'paragraph', text: `${title}: a short test post.` }]),
        authors: [authors.docs[0].id],
        publishedAt: `2010-01-0${index + 1}T12:00:00.000Z`,
        _status: 'published',
      }),
    })
    expect(res.status).toBe(201)
  }
})
afterAll(async () => {
  await app?.stop()
})

describe('home page', () => {
  it('lists ten current posts a page, newest first, without archived ones', async () => {
    const { status, text } = await html('/')
    expect(status).toBe(200)
    const expected = newestFirst(current).slice(0, 10)
    const positions = expected.map((p) => text.indexOf(`href="/posts/${p.slug}"`))
    expect(positions.every((at) => at > -1)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    for (const post of archived) expect(text).not.toContain(`href="/posts/${post.slug}"`)
    expect(text.match(/href="\/posts\//g)).toHaveLength(10)
  })

  it('links to the next page, which holds the rest', async () => {
    const first = await html('/')
    expect(first.text).toContain('href="/?page=2"')
    const second = await html('/?page=2')
    expect(second.status).toBe(200)
    const total = current.length + extraTitles.length
    const onSecond = extraTitles.filter((t) => second.text.includes(`>${t}</a>`)).length
    expect(onSecond).toBe(Math.min(extraTitles.length, total - 10))
    expect(second.text).toContain('aria-current="page">2<')
  })

  it('answers 404 for a page past the end or a page that is not a number', async () => {
    expect((await html('/?page=9')).status).toBe(404)
    expect((await html('/?page=abc')).status).toBe(404)
    expect((await html('/?page=0')).status).toBe(404)
  })

  it("shows authors with their official titles and each post's approved comment count", async () => {
    const { text } = await html('/')
    const open = current.find((p) => p.commentStatus === 'open' && p.comments.length > 0)!
    const approved = open.comments.filter((c) => c.status === 'approved').length
    const item = text.slice(text.indexOf(`href="/posts/${open.slug}"`))
    expect(item.slice(0, 2000)).toContain(`${approved} comments`)
    const author = DEMO_AUTHORS.find((a) => open.authors.includes(a.key))!
    expect(item.slice(0, 2000)).toContain(`href="/authors/${author.slug}"`)
    expect(item.slice(0, 2000)).toContain(author.title)
  })
})

describe('archive page', () => {
  it('lists archived posts only, grouped under year headings, newest first', async () => {
    const { status, text } = await html('/archive')
    expect(status).toBe(200)
    for (const post of archived) expect(text).toContain(`href="/posts/${post.slug}"`)
    for (const post of current) expect(text).not.toContain(`href="/posts/${post.slug}"`)
    const years = [...new Set(newestFirst(archived).map((p) => p.publishedAt.slice(0, 4)))]
    const headings = [...text.matchAll(/<h2 id="year-(\d{4})">/g)].map((m) => m[1])
    expect(headings).toEqual(years)
    expect(text.match(/class="usa-tag archived-label"/g)).toHaveLength(archived.length)
  })
})

describe('author and category pages', () => {
  it("shows an author's profile and only their posts", async () => {
    const author = DEMO_AUTHORS[0]
    const { status, text } = await html(`/authors/${author.slug}`)
    expect(status).toBe(200)
    expect(text).toContain(author.name)
    expect(text).toContain(author.title)
    for (const post of DEMO_POSTS) {
      const listed = text.includes(`href="/posts/${post.slug}"`)
      expect(listed).toBe(post.authors.includes(author.key))
    }
  })

  it('shows the posts of one category', async () => {
    const category = DEMO_CATEGORIES[0]
    const { status, text } = await html(`/categories/${category.slug}`)
    expect(status).toBe(200)
    for (const post of DEMO_POSTS) {
      expect(text.includes(`href="/posts/${post.slug}"`)).toBe(
        post.categories.includes(category.key),
      )
    }
  })

  it('answers 404 for an unknown author or category', async () => {
    expect((await html('/authors/nobody-here')).status).toBe(404)
    expect((await html('/categories/nothing-here')).status).toBe(404)
  })
})

describe('404 page', () => {
  // Next alone would send an empty error document here and draw the page only with JavaScript.
  it.each([
    ['an unknown post', '/posts/no-such-post'],
    ['an unknown author', '/authors/nobody-here'],
    ['an address no route claims', '/no/such/page'],
    ['a list page that is not a number', '/?page=abc'],
  ])('is served whole for %s: layout, language, heading, noindex', async (_label, path) => {
    const { status, text } = await html(path)
    expect(status).toBe(404)
    expect(text).toMatch(/^<!DOCTYPE html><html lang="en">/)
    expect(text).not.toContain('__next_error__')
    expect(text).toContain('<h1>Page not found</h1>')
    expect(text).toContain('href="#main-content"')
    expect(text).toContain('<meta name="robots" content="noindex, follow"/>')
    expect(text).toMatch(/<title>Page not found · [^<]+<\/title>/)
  })

  it('leaves the site favicon and the admin to their own routes', async () => {
    const icon = await fetch(`${app.baseUrl}/favicon.ico`)
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toMatch(/image/)
    expect((await fetch(`${app.baseUrl}/admin/login`)).status).toBe(200)
  })
})

describe('post page', () => {
  it('links its authors and categories and says when comments are closed', async () => {
    const post = DEMO_POSTS.find((p) => !p.archived && p.commentStatus === 'closed')!
    const { text } = await html(`/posts/${post.slug}`)
    for (const key of post.authors) {
      expect(text).toContain(`href="/authors/${DEMO_AUTHORS.find((a) => a.key === key)!.slug}"`)
    }
    for (const key of post.categories) {
      expect(text).toContain(
        `href="/categories/${DEMO_CATEGORIES.find((c) => c.key === key)!.slug}"`,
      )
    }
    expect(text).toContain('Comments are closed.')
    // With the reason the moderator gave.
    expect(text).toContain(`<p class="comments-closed__reason">${post.commentsClosedReason}</p>`)
    expect(text).toContain(`<link rel="canonical" href="`)
  })

  it('says in the archive banner when the post was archived', async () => {
    const post = DEMO_POSTS.find((p) => p.archived)!
    const { text } = await html(`/posts/${post.slug}`)
    // React separates adjacent text with an empty comment.
    expect(text).toMatch(
      /Archived on(?:<!-- -->)? <time dateTime="[^"]+">[A-Z][a-z]+ \d{1,2}, \d{4}<\/time>/,
    )
  })
})

describe('page metadata', () => {
  const meta = (text: string, property: string) =>
    new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(text)?.[1]
  const canonical = (text: string) => /<link rel="canonical" href="([^"]*)"/.exec(text)?.[1]

  it.each([
    ['/', '/'],
    ['/archive', '/archive'],
    [`/posts/${DEMO_POSTS[0].slug}`, `/posts/${DEMO_POSTS[0].slug}`],
    [`/authors/${DEMO_AUTHORS[0].slug}`, `/authors/${DEMO_AUTHORS[0].slug}`],
    [`/categories/${DEMO_CATEGORIES[0].slug}`, `/categories/${DEMO_CATEGORIES[0].slug}`],
  ])(
    'gives %s a title, description, absolute canonical URL and Open Graph tags',
    async (path, expected) => {
      const { text } = await html(path)
      expect(text).toMatch(/<title>[^<]+<\/title>/)
      expect(text).toMatch(/<meta name="description" content="[^"]+"/)
      // Next writes the site root without its trailing slash.
      const absolute = `${app.baseUrl}${expected}`.replace(/\/$/, '')
      expect(canonical(text)).toBe(absolute)
      expect(meta(text, 'og:title')).toBeTruthy()
      expect(meta(text, 'og:description')).toBeTruthy()
      expect(meta(text, 'og:url')).toBe(absolute)
      expect(meta(text, 'og:site_name')).toBeTruthy()
      // Feed autodiscovery beside each page's own canonical address, in <head>.
      const head = text.slice(0, text.indexOf('</head>'))
      expect(head).toMatch(
        /<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/feed.xml"/,
      )
      expect(head).toMatch(
        /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/feed.atom"/,
      )
    },
  )

  it('describes a post without an excerpt by the start of its text', async () => {
    const { text } = await html('/posts/extra-one')
    expect(meta(text, 'og:description')).toBe('Extra one: a short test post.')
  })
})

describe('feeds and sitemap', () => {
  it('gives a post without an excerpt the start of its text as its description', async () => {
    const rss = await (await fetch(`${app.baseUrl}/feed.xml`)).text()
    expect(rss).toContain('<description>Extra one: a short test post.</description>')
    expect(rss).not.toMatch(/<description><\/description>/)
    const atom = await (await fetch(`${app.baseUrl}/feed.atom`)).text()
    expect(atom).toContain('<summary>Extra one: a short test post.</summary>')
  })

  it('lists every public page in the sitemap: archive, posts, authors and categories', async () => {
    const xml = await (await fetch(`${app.baseUrl}/sitemap.xml`)).text()
    for (const path of [
      '/archive',
      `/posts/${DEMO_POSTS[0].slug}`,
      ...DEMO_AUTHORS.map((a) => `/authors/${a.slug}`),
      ...DEMO_CATEGORIES.map((c) => `/categories/${c.slug}`),
    ]) {
      expect(xml).toContain(`<loc>${app.baseUrl}${path}</loc>`)
    }
  })
})

describe('comments on a post', () => {
  const open = DEMO_POSTS.find((p) => p.commentStatus === 'open' && p.comments.length > 0)!

  it('shows approved comments only, as text, threaded, with permalinks', async () => {
    const { text } = await html(`/posts/${open.slug}`)
    const escape = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    const firstLine = (body: string) =>
      escape(body.split('\n')[0].trim()).replace(/'/g, '&#x27;').replace(/"/g, '&quot;')
    for (const comment of open.comments) {
      const shown = text.includes(firstLine(comment.body))
      expect([comment.key, shown]).toEqual([comment.key, comment.status === 'approved'])
    }
    const approved = open.comments.filter((c) => c.status === 'approved')
    expect(text.match(/<li id="comment-\d+" class="comment">/g)).toHaveLength(approved.length)
    expect(text).toContain('class="comment-list comment-replies"')
    expect(text).toMatch(/<a href="#comment-\d+" aria-label="Permalink to comment #1">#1<\/a>/)
    expect(text).toContain(`${approved.length} comments`)
    expect(text).not.toContain('Comments are closed.')
  })

  it('links a commenter\'s name only to an http(s) website, with rel="nofollow ugc"', async () => {
    const withSite = DEMO_POSTS.flatMap((p) => p.comments.map((c) => ({ post: p, c }))).find(
      ({ c }) => c.status === 'approved' && c.authorUrl,
    )
    expect(withSite).toBeDefined()
    const { text } = await html(`/posts/${withSite!.post.slug}`)
    expect(text).toContain(`rel="nofollow ugc">${withSite!.c.authorName}</a>`)
  })
})

describe('caching by a CDN in front', () => {
  it('lets shared caches keep public pages briefly, with ETags and 304s; staff pages stay private', async () => {
    const path = `/posts/${DEMO_POSTS[0].slug}`
    // Stored, then served from the store with its ETag. (A write just before, or the content
    // cache's second invalidation a second after one, can make a request render afresh.)
    let page = await fetch(`${app.baseUrl}${path}`)
    for (let tries = 0; tries < 5 && page.headers.get('x-page-cache') !== 'hit'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 300))
      page = await fetch(`${app.baseUrl}${path}`)
    }
    expect(page.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
    )
    const etag = page.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await fetch(`${app.baseUrl}${path}`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    for (const feed of ['/feed.xml', '/sitemap.xml']) {
      expect((await fetch(`${app.baseUrl}${feed}`)).headers.get('cache-control')).toMatch(/^public/)
    }

    const signedIn = await fetch(`${app.baseUrl}${path}`, {
      headers: { cookie: `payload-token=${editorToken}` },
    })
    expect(signedIn.headers.get('cache-control')).toMatch(/private|no-store/)
    const formResult = await fetch(`${app.baseUrl}${path}?submitted=pending`)
    expect(formResult.headers.get('cache-control')).toMatch(/private|no-store/)
    const missing = await fetch(`${app.baseUrl}/posts/no-such-post`)
    expect(missing.headers.get('cache-control')).toMatch(/private|no-store/)
  })
})

describe('images in a post', () => {
  it('keep their aspect ratio in the column, on a phone and on a desktop', async () => {
    // A 1600×900 photo, placed in a new post's body.
    const photo = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: '#3a7' },
    })
      .jpeg()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'river.jpg')
    form.append('_payload', JSON.stringify({ alt: 'The river at the lock' }))
    const auth = { authorization: `JWT ${editorToken}` }
    const uploaded = await fetch(`${app.baseUrl}/api/media`, {
      method: 'POST',
      headers: auth,
      body: form,
    })
    expect(uploaded.status).toBe(201)
    const media = (await uploaded.json()).doc as { id: number }
    const body = lexicalFromBlocks([{ type: 'paragraph', text: 'A photo of the river.' }])
    body.root.children.push({
      type: 'upload',
      version: 3,
      format: '',
      id: 'river-photo',
      fields: null,
      relationTo: 'media',
      value: media.id,
    })
    const authors = await fetch(`${app.baseUrl}/api/authors?limit=1`).then((r) => r.json())
    const created = await fetch(`${app.baseUrl}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        title: 'River photo',
        body,
        authors: [authors.docs[0].id],
        publishedAt: '2009-01-01T12:00:00.000Z',
        _status: 'published',
      }),
    })
    expect(created.status).toBe(201)

    const browser = await launchBrowser()
    try {
      for (const viewport of [
        { width: 375, height: 800 },
        { width: 1280, height: 900 },
      ]) {
        const page = await browser.newPage({ viewport })
        await page.goto(`${app.baseUrl}/posts/river-photo`)
        const image = page.locator('.post-body img').first()
        await image.waitFor()
        await page.waitForFunction(() =>
          [...document.querySelectorAll('.post-body img')].every(
            (img) => (img as HTMLImageElement).complete,
          ),
        )
        const box = (await image.boundingBox())!
        // The 1600 px photo fills the reading column (narrower than the photo at both sizes).
        const column = (await page.locator('.post-body').boundingBox())!
        expect(box.width).toBeLessThanOrEqual(viewport.width)
        expect(Math.abs(box.width - column.width)).toBeLessThanOrEqual(1)
        expect(box.width / box.height).toBeCloseTo(1600 / 900, 1)
        await page.close()
      }
    } finally {
      await browser.close()
    }
  })
})

describe('a measurement script (a site setting)', () => {
  const script = 'https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=TEST'

  it('loads on public pages with the nonce, may report to the listed host only', async () => {
    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.gov', password: PASSWORD }),
    }).then((r) => r.json())
    const setAnalytics = (data: Record<string, string>) =>
      fetch(`${app.baseUrl}/api/globals/site-settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${login.token}` },
        body: JSON.stringify(data),
      })
    expect(
      (
        await setAnalytics({
          analyticsScriptUrl: script,
          analyticsReportHosts: 'www.google-analytics.com',
        })
      ).status,
    ).toBe(200)
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      const violations: string[] = []
      await page.exposeFunction('reportViolation', (uri: string) => violations.push(uri))
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { reportViolation(d: string): void }).reportViolation(
            `${event.violatedDirective} ${event.blockedURI}`,
          ),
        ),
      )
      // The outside hosts never see a request: Chromium answers them from here.
      const reached: string[] = []
      await page.route('https://dap.digitalgov.gov/**', (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: `window.__measured = true
            fetch('https://www.google-analytics.com/g/collect?v=2', { method: 'POST' }).catch(() => {})
            fetch('https://tracker.example.com/collect', { method: 'POST' }).catch(() => {})`,
        }),
      )
      await page.route(/^https:\/\/(www\.google-analytics|tracker\.example)\.com\//, (route) => {
        reached.push(new URL(route.request().url()).host)
        return route.fulfill({ status: 204, body: '' })
      })
      await page.goto(`${app.baseUrl}/?analytics=1`, { waitUntil: 'networkidle' })
      await page.waitForFunction(() => (window as { __measured?: boolean }).__measured === true)
      for (let i = 0; i < 50 && (reached.length === 0 || violations.length === 0); i++) {
        await page.waitForTimeout(100)
      }
      expect(reached).toEqual(['www.google-analytics.com'])
      expect(violations).toEqual(['connect-src https://tracker.example.com/collect'])
    } finally {
      await browser.close()
      expect((await setAnalytics({ analyticsScriptUrl: '' })).status).toBe(200)
    }
    const { text } = await html('/?analytics=2')
    expect(text).not.toContain('dap.digitalgov.gov')
  })
})

describe('full posts in the feeds (a site setting)', () => {
  it('carries each whole post, images and links absolute, once an admin chooses it', async () => {
    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.gov', password: PASSWORD }),
    }).then((r) => r.json())
    const setFeedContent = (feedContent: string) =>
      fetch(`${app.baseUrl}/api/globals/site-settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${login.token}` },
        body: JSON.stringify({ feedContent }),
      })
    const before = await (await fetch(`${app.baseUrl}/feed.xml`)).text()
    expect(before).not.toContain('<content:encoded>')
    expect((await setFeedContent('everything')).status).toBe(400)
    expect((await setFeedContent('full')).status).toBe(200)
    try {
      const rss = await (await fetch(`${app.baseUrl}/feed.xml`)).text()
      expect(rss).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"')
      expect(rss).toContain('<content:encoded>&lt;p&gt;A photo of the river.&lt;/p&gt;')
      expect(rss).toMatch(
        new RegExp(`src=&quot;${app.baseUrl}/api/media/file/river[^&]*\\.jpg&quot;`),
      )
      const atom = await (await fetch(`${app.baseUrl}/feed.atom`)).text()
      expect(atom).toContain(
        '<content type="html">&lt;p&gt;Extra one: a short test post.&lt;/p&gt;',
      )
    } finally {
      expect((await setFeedContent('summary')).status).toBe(200)
    }
  })
})

describe('a featured image and search fields (runs after the feed tests: its post is the newest)', () => {
  it('shows above the post, as a list thumbnail, in og:image, the feeds and Article data', async () => {
    const banner = await sharp({
      create: { width: 1200, height: 630, channels: 3, background: '#246' },
    })
      .png()
      .toBuffer()
    const auth = { authorization: `JWT ${editorToken}` }
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(banner)], { type: 'image/png' }), 'banner.png')
    form.append(
      '_payload',
      JSON.stringify({ alt: 'Barges waiting below the dam', caption: 'Tows queue at Lock 9.' }),
    )
    const uploaded = await fetch(`${app.baseUrl}/api/media`, {
      method: 'POST',
      headers: auth,
      body: form,
    })
    expect(uploaded.status).toBe(201)
    const media = (await uploaded.json()).doc as { id: number; url: string }
    const author = await fetch(`${app.baseUrl}/api/authors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ name: 'Imogen Featherstone' }),
    }).then((r) => r.json())
    const created = await fetch(`${app.baseUrl}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        title: 'Tows queue below the dam',
        excerpt: 'Why barges wait at Lock 9 this week.',
        featuredImage: media.id,
        meta: {
          title: 'Lock 9 queue explained',
          description: 'What the wait at Lock 9 means for shippers.',
        },
        body: lexicalFromBlocks([{ type: 'paragraph', text: 'The queue should clear by Friday.' }]),
        authors: [author.doc.id],
        _status: 'published',
      }),
    })
    expect(created.status).toBe(201)
    const slug = (await created.json()).doc.slug as string

    const { text } = await html(`/posts/${slug}`)
    const meta = (property: string) =>
      new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(text)?.[1]
    // Payload gives upload URLs absolute, from SERVER_URL.
    const imageUrl = new URL(media.url, app.baseUrl).href
    expect(meta('og:image')).toBe(imageUrl)
    expect(meta('og:image:width')).toBe('1200')
    expect(meta('og:image:alt')).toBe('Barges waiting below the dam')
    expect(meta('og:title')).toBe('Lock 9 queue explained')
    expect(meta('description')).toBe('What the wait at Lock 9 means for shippers.')
    expect(meta('twitter:card')).toBe('summary_large_image')
    expect(text).toMatch(/<title>Lock 9 queue explained · /)
    const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(text)?.[1]
    expect(JSON.parse(ld!)).toMatchObject({
      '@type': 'Article',
      headline: 'Lock 9 queue explained',
      image: [imageUrl],
      author: [{ name: 'Imogen Featherstone' }],
    })

    const list = await html(`/authors/${author.doc.slug}`)
    expect(list.text).toMatch(
      /<img[^>]*class="usa-collection__img post-list__thumbnail"[^>]*src="[^"]*\/api\/media\/file\/banner-400x210\.png"/,
    )
    const rss = await (await fetch(`${app.baseUrl}/feed.xml`)).text()
    expect(rss).toMatch(new RegExp(`<enclosure url="${imageUrl}" length="\\d+" type="image/png"/>`))

    const browser = await launchBrowser()
    try {
      for (const viewport of [
        { width: 375, height: 800 },
        { width: 1280, height: 900 },
      ]) {
        const page = await browser.newPage({ viewport })
        await page.goto(`${app.baseUrl}/posts/${slug}`)
        const image = page.locator('.post-featured-image img')
        await page.waitForFunction(
          () => (document.querySelector('.post-featured-image img') as HTMLImageElement)?.complete,
        )
        const box = (await image.boundingBox())!
        expect(box.width).toBeLessThanOrEqual(viewport.width)
        expect(box.width / box.height).toBeCloseTo(1200 / 630, 1)
        await expect(page.locator('.post-featured-image figcaption').textContent()).resolves.toBe(
          'Tows queue at Lock 9.',
        )
        expect(await axeViolations(page, 'main')).toEqual([])
        await page.close()
      }
    } finally {
      await browser.close()
    }
  })
})

describe('long threads (runs last: it changes the site settings)', () => {
  const open = DEMO_POSTS.find((p) => p.commentStatus === 'open' && p.comments.length > 0)!
  const topLevel = open.comments.filter((c) => c.status === 'approved' && !c.replyTo).length

  async function tokenFor(email: string) {
    const res = await fetch(`${app.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    return (await res.json()).token as string
  }

  async function updateSettings(token: string, data: Record<string, unknown>) {
    return fetch(`${app.baseUrl}/api/globals/site-settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify(data),
    })
  }

  it('refuses a page size below 5 and keeps the stored settings', async () => {
    const admin = await tokenFor('admin@example.gov')
    const res = await updateSettings(admin, { commentsPerPage: 1 })
    expect(res.status).toBe(400)
    const settings = await fetch(`${app.baseUrl}/api/globals/site-settings`).then((r) => r.json())
    expect(settings.commentsPerPage).toBe(50)
  })

  it('pages a thread by its top-level comments with real links, and flattens past the depth', async () => {
    const admin = await tokenFor('admin@example.gov')
    expect(
      (await updateSettings(admin, { commentsPerPage: 5, commentNestingDepth: 1 })).status,
    ).toBe(200)
    const moderator = await tokenFor('moderator@example.gov')
    const post = await fetch(`${app.baseUrl}/api/posts?where[slug][equals]=${open.slug}`).then(
      (r) => r.json(),
    )
    const extra = 6 - topLevel
    for (let n = 1; n <= extra; n++) {
      const res = await fetch(`${app.baseUrl}/api/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${moderator}` },
        body: JSON.stringify({
          post: post.docs[0].id,
          authorName: `Later reader ${n}`,
          authorEmail: `later${n}@example.com`,
          body: `Later comment number ${n}.`,
          status: 'approved',
        }),
      })
      expect(res.status).toBe(201)
    }
    const first = await html(`/posts/${open.slug}`)
    expect(first.text).toContain(`href="/posts/${open.slug}?comments=2#comments-heading"`)
    expect(first.text).not.toContain('class="comment-list comment-replies"')
    expect(first.text).not.toContain(`Later comment number ${extra}.`)
    const second = await html(`/posts/${open.slug}?comments=2`)
    expect(second.status).toBe(200)
    expect(second.text).toContain(`Later comment number ${extra}.`)
    // (Posted by the moderator, so marked as the agency's: class "comment comment--agency".)
    expect(second.text.match(/<li id="comment-\d+" class="comment[ "]/g)?.length).toBeGreaterThan(0)
    expect((await html(`/posts/${open.slug}?comments=3`)).status).toBe(404)

    // The permalink of the last comment leads to page 2, where it is shown.
    const last = await fetch(
      `${app.baseUrl}/api/comments?where[body][equals]=Later comment number ${extra}.&depth=0`,
    ).then((r) => r.json())
    const id = last.docs[0].id
    const permalink = await fetch(`${app.baseUrl}/posts/${open.slug}/comments/${id}`, {
      redirect: 'manual',
    })
    expect(permalink.status).toBe(307)
    expect(permalink.headers.get('location')).toBe(`/posts/${open.slug}?comments=2#comment-${id}`)
    const unknown = await html(`/posts/${open.slug}/comments/999999`)
    expect(unknown.status).toBe(404)
    expect(unknown.text).toContain('Page not found')
  })
})

describe('content security policy', () => {
  const post = current[0]

  it("puts the response's nonce on every script Next writes into a public page", async () => {
    const res = await fetch(`${app.baseUrl}/posts/${post.slug}`)
    const policy = res.headers.get('content-security-policy') ?? ''
    const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(policy)?.[1]
    expect(nonce).toBeDefined()
    const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts.filter((tag) => !tag.includes('application/ld+json'))) {
      expect(tag).toContain(`nonce="${nonce}"`)
    }
  })

  it('blocks markup-injected script in Chromium, and the page itself runs without a violation', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      const violations: string[] = []
      await page.exposeFunction('reportViolation', (directive: string) =>
        violations.push(directive),
      )
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { reportViolation(d: string): void }).reportViolation(
            event.violatedDirective,
          ),
        ),
      )
      // What a stored XSS would be if escaping ever failed: script in the server's HTML, under
      // the response's own policy header.
      await page.route(`${app.baseUrl}/posts/${post.slug}`, async (route) => {
        const response = await route.fetch()
        const body = (await response.text()).replace(
          '<main',
          '<script>window.__injectedRan = true</script><img src=x onerror="window.__injectedRan = true"><main',
        )
        await route.fulfill({ response, body })
      })
      await page.goto(`${app.baseUrl}/posts/${post.slug}`, { waitUntil: 'networkidle' })
      const ran = await page.evaluate(
        () => (window as unknown as { __injectedRan?: boolean }).__injectedRan === true,
      )
      expect(ran).toBe(false)
      expect(violations.length).toBeGreaterThanOrEqual(2)
      for (const directive of violations) expect(directive).toMatch(/^script-src/)

      // Without the injection, Next's own scripts run (the page hydrates) with no violation.
      violations.length = 0
      await page.unroute(`${app.baseUrl}/posts/${post.slug}`)
      await page.goto(`${app.baseUrl}/posts/${post.slug}?fresh=1`, { waitUntil: 'networkidle' })
      await page.waitForFunction(() => '__next_f' in window)
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
