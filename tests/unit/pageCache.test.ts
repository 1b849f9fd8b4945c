import type { AddressInfo } from 'node:net'
import type http from 'node:http'

import express from 'express'

import { contentCache } from '@/cache/contentCache'
import { pageCache } from '@/http/pageCache'

let server: http.Server
let base: string
let renders = 0
let setCookie = false

beforeAll(async () => {
  const app = express()
  app.use(pageCache({ maxAgeMs: 60_000 }))
  // Stands in for Next: streams the page in two chunks and counts renders.
  app.all('/{*splat}', (req, res) => {
    renders++
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
afterAll(() => new Promise((resolve) => server.close(resolve)))
beforeEach(() => {
  renders = 0
  setCookie = false
  contentCache.invalidate(['test']) // a new generation: nothing earlier is served
})

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers }).then(async (res) => ({
    status: res.status,
    cache: res.headers.get('x-page-cache'),
    type: res.headers.get('content-type'),
    body: await res.text(),
  }))

describe('page cache', () => {
  it('renders a public page once and serves the same bytes and headers again', async () => {
    const first = await get('/posts/a-post')
    const second = await get('/posts/a-post')
    expect(first).toMatchObject({ status: 200, cache: 'miss' })
    expect(second).toEqual({ ...first, cache: 'hit' })
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

  it('passes form posts through', async () => {
    await fetch(`${base}/posts/a-post`, { method: 'POST', body: 'x' })
    await fetch(`${base}/posts/a-post`, { method: 'POST', body: 'x' })
    expect(renders).toBe(2)
  })
})
