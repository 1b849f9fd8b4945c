import type { AddressInfo } from 'node:net'
import http from 'node:http'

import express from 'express'

import { MemoryContentCache } from '@/runtime/contentCache'
import { MemoryPageStore } from '@/runtime/pageStore'
import { pageCache } from '@/server/pageCache'

const contentCache = new MemoryContentCache()
const store = new MemoryPageStore({ maxEntries: 3 })

let server: http.Server
let base: string
let renders = 0
let setCookie = false
const SHARED = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'
/** What Next says of every dynamic page. */
const NEXT_PRIVATE = 'private, no-cache, no-store, max-age=0, must-revalidate'

beforeAll(async () => {
  const app = express()
  const pages = pageCache({
    store,
    generation: () => contentCache.generation,
    maxAgeMs: 60_000,
    cacheControl: SHARED,
  })
  app.use((req, res, next) => (pages.serveStored(req, res) ? undefined : next()))
  app.use(pages.storeRendered)
  // Stands in for Next: streams the page in two chunks and counts renders.
  app.all('/{*splat}', (req, res) => {
    renders++
    res.setHeader('cache-control', NEXT_PRIVATE)
    if (req.path === '/missing') return void res.status(404).end('not found')
    if (setCookie) res.setHeader('set-cookie', 'session=1')
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.write(`<p>render ${renders} of ${req.originalUrl}</p>`)
    res.end('<p>end</p>')
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  renders = 0
  setCookie = false
  contentCache.invalidate(['test']) // a new generation: nothing earlier is served
})

/** node:http without keep-alive: no socket outlives the test file. */
function request(path: string, { method = 'GET', headers = {} as Record<string, string> } = {}) {
  return new Promise<{
    status: number
    cache: string | null
    type: string | null
    body: string
    cacheControl?: string
    etag?: string
    robots?: string
  }>((resolve, reject) => {
    const req = http.request(base + path, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          cache: (res.headers['x-page-cache'] as string | undefined) ?? null,
          type: res.headers['content-type'] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
          cacheControl: res.headers['cache-control'],
          etag: res.headers.etag,
          robots: res.headers['x-robots-tag'] as string | undefined,
        }),
      )
    })
    req.on('error', reject)
    req.end(method === 'POST' ? 'x' : undefined)
  })
}
const get = (path: string, headers: Record<string, string> = {}) => request(path, { headers })

describe('runtime.MemoryPageStore', () => {
  const page = (bytes: number) => ({
    status: 200,
    headers: {},
    body: Buffer.alloc(bytes),
    generation: 0,
    storedAt: 0,
  })

  it('holds at most its bytes, dropping the oldest pages, and never a page larger than all', () => {
    const pages = new MemoryPageStore({ maxEntries: 10, maxBytes: 1000 })
    pages.set('a', page(400))
    pages.set('b', page(400))
    pages.set('c', page(400))
    expect([pages.get('a'), pages.size, pages.storedBytes]).toEqual([undefined, 2, 800])
    pages.set('b', page(100)) // replaced, not counted twice
    expect(pages.storedBytes).toBe(500)
    pages.set('huge', page(1001))
    expect(pages.get('huge')).toBeUndefined()
    expect(pages.storedBytes).toBe(500)
  })
})

describe('page cache', () => {
  it('renders a public page once and serves the same bytes and headers again', async () => {
    const first = await get('/posts/a-post')
    const second = await get('/posts/a-post')
    expect(first).toMatchObject({ status: 200, cache: 'miss' })
    expect(second).toEqual({ ...first, cache: 'hit', etag: expect.stringMatching(/^"[\w-]{27}"$/) })
    expect(renders).toBe(1)
  })

  it('renders again after any content change', async () => {
    await get('/')
    contentCache.invalidate(['comments:1'])
    expect((await get('/')).cache).toBe('miss')
    expect(renders).toBe(2)
  })

  it('keeps query strings apart', async () => {
    await get('/?page=2')
    expect((await get('/')).body).toContain('of /<')
    expect(renders).toBe(2)
  })

  it('serves one page whatever Host a client sends (pages build URLs from SERVER_URL only)', async () => {
    await get('/archive', { host: 'blog.example' })
    expect((await get('/archive', { host: 'other.example' })).cache).toBe('hit')
    expect((await get('/archive', { 'x-forwarded-host': 'evil.example' })).cache).toBe('hit')
    expect(renders).toBe(1)
  })

  it('keeps at most the store size of pages, dropping the oldest', async () => {
    for (const path of ['/posts/1', '/posts/2', '/posts/3', '/posts/4']) await get(path)
    expect(store.size).toBe(3)
    expect((await get('/posts/4')).cache).toBe('hit')
    expect((await get('/posts/1')).cache).toBe('miss')
    expect(renders).toBe(5)
  })

  it.each([
    ['a signed-in staff member', { cookie: 'payload-token=abc' }],
    ["Next's client-side navigation", { rsc: '1' }],
    ['a prefetch', { 'next-router-prefetch': '1' }],
  ])('passes %s through every time', async (_who, headers) => {
    await get('/archive', headers)
    await get('/archive', headers)
    expect(renders).toBe(2)
  })

  it('never caches the API, the admin, errors, or a response that sets a cookie', async () => {
    for (const path of ['/api/posts', '/admin', '/missing']) {
      await get(path)
      await get(path)
    }
    expect(renders).toBe(6)
    setCookie = true
    await get('/authors/someone')
    await get('/authors/someone')
    expect(renders).toBe(8)
  })

  it('never stores or serves a stored post page for a reader with held comments; tells other caches so', async () => {
    const reader = { cookie: 'theme=dark; held-comments=abc.def' }
    const stored = await get('/posts/a-post')
    const own = await get('/posts/a-post', reader)
    expect(own).toMatchObject({ cache: null, cacheControl: 'private, no-store' })
    expect(own.body).not.toBe(stored.body)
    await get('/posts/a-post?submitted=pending', reader)
    expect(store.get(` /posts/a-post?submitted=pending`)).toBeUndefined()
    // Everyone else still gets the stored page, and the reader's other pages are cached as usual.
    expect((await get('/posts/a-post')).cache).toBe('hit')
    await get('/archive', reader)
    expect((await get('/archive', reader)).cache).toBe('hit')
    expect(renders).toBe(4)
  })

  it('never stores a staff preview, and tells every cache and search engine so', async () => {
    for (const headers of [{ cookie: 'payload-token=abc' }, {}] as Record<string, string>[]) {
      const preview = await get('/preview/posts/12', headers)
      expect(preview).toMatchObject({
        cache: null,
        cacheControl: 'private, no-store',
        robots: 'noindex, nofollow',
      })
      expect((await get('/preview/posts/12', headers)).cache).toBeNull()
    }
    expect(renders).toBe(4)
    // Other pages carry no such header.
    expect((await get('/posts/a-post')).robots).toBeUndefined()
  })

  it('passes form posts through', async () => {
    await request('/posts/a-post', { method: 'POST' })
    await request('/posts/a-post', { method: 'POST' })
    expect(renders).toBe(2)
  })

  it('lets shared caches keep a public page briefly, and answers 304 when the client has its bytes', async () => {
    const miss = await get('/categories/notices')
    expect(miss.cacheControl).toBe(SHARED)
    const hit = await get('/categories/notices')
    expect(hit).toMatchObject({ cacheControl: SHARED, etag: expect.any(String) })
    const again = await get('/categories/notices', { 'if-none-match': `W/"other", ${hit.etag}` })
    expect(again).toMatchObject({ status: 304, body: '', etag: hit.etag, cacheControl: SHARED })
    expect(again.type).toBeNull()
    // A changed page has other bytes: the old tag gets the whole page.
    contentCache.invalidate(['categories'])
    await get('/categories/notices')
    const changed = await get('/categories/notices', { 'if-none-match': hit.etag! })
    expect(changed.status).toBe(200)
    expect(changed.etag).not.toBe(hit.etag)
    expect(renders).toBe(2)
  })

  it('keeps signed-in pages, form results, errors and cookie-setting responses private', async () => {
    expect((await get('/archive', { cookie: 'payload-token=abc' })).cacheControl).toBe(NEXT_PRIVATE)
    const result = await get('/posts/a-post?submitted=pending&comment=7')
    expect(result).toMatchObject({ cache: null, cacheControl: NEXT_PRIVATE })
    expect((await get('/posts/a-post?submitted=pending&comment=7')).cache).toBeNull()
    expect((await get('/missing')).cacheControl).toBe(NEXT_PRIVATE)
    setCookie = true
    expect((await get('/authors/someone-else')).cacheControl).toBe(NEXT_PRIVATE)
  })
})
