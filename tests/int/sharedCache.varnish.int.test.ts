import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { jest } from '@jest/globals'

import { HttpBanPurger } from '@/runtime/sharedCachePurge'

import { startVarnish, type VarnishServer } from '../helpers/varnishServer'

/**
 * deploy/varnish/default.vcl in Debian's varnishd, in front of a tiny origin that answers like
 * the site (the Cache-Control of src/config/publicCache.ts on public pages, gzip when asked) and
 * counts what reaches it; the site's purger sends the BAN.
 */
const PUBLIC = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'
let origin: http.Server
let varnish: VarnishServer
const served = new Map<string, number>()
const askedEncodings: (string | undefined)[] = []

beforeAll(async () => {
  origin = http.createServer((req, res) => {
    const path = req.url ?? '/'
    const count = (served.get(path) ?? 0) + 1
    served.set(path, count)
    const cacheControl = path.startsWith('/_next/static/')
      ? 'public, max-age=31536000, immutable'
      : path.startsWith('/private')
        ? 'private, no-store'
        : PUBLIC
    const body = `${path} rendered ${count}`
    const headers = {
      'Cache-Control': cacheControl,
      'Content-Type': 'text/plain',
      Vary: 'Accept-Encoding',
    }
    askedEncodings.push(req.headers['accept-encoding'])
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' })
      res.end(zlib.gzipSync(body))
    } else {
      res.writeHead(200, headers)
      res.end(body)
    }
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  varnish = await startVarnish((origin.address() as AddressInfo).port)
})
afterAll(async () => {
  await varnish?.stop()
  origin?.closeAllConnections()
  await new Promise((resolve) => origin?.close(resolve))
})

const get = async (path: string, headers: Record<string, string> = {}) =>
  (await fetch(`${varnish.url}${path}`, { headers })).text()

/** A client that does not take gzip (fetch always asks for it): the body and its encoding. */
const getPlain = (path: string) =>
  new Promise<{ body: string; encoding: string | undefined }>((resolve, reject) => {
    http
      .get(`${varnish.url}${path}`, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ body, encoding: response.headers['content-encoding'] }))
      })
      .on('error', reject)
  })

const silentLogger = { info: () => undefined, warn: jest.fn(), error: () => undefined }

describe('deploy/varnish/default.vcl', () => {
  it('keeps a public page until the site bans, then fetches it anew; build files stay', async () => {
    expect(await get('/posts/first')).toBe('/posts/first rendered 1')
    expect(await get('/posts/first')).toBe('/posts/first rendered 1')
    expect(await get('/_next/static/app.js')).toBe('/_next/static/app.js rendered 1')

    await new HttpBanPurger([`${varnish.url}/`]).purge(silentLogger)
    expect(silentLogger.warn).not.toHaveBeenCalled()

    expect(await get('/posts/first')).toBe('/posts/first rendered 2')
    expect(await get('/_next/static/app.js')).toBe('/_next/static/app.js rendered 1')
  })

  it('passes signed-in staff and readers with held comments; shares pages despite other cookies', async () => {
    expect(await get('/posts/second')).toBe('/posts/second rendered 1')
    expect(await get('/posts/second', { cookie: 'payload-token=abc' })).toBe(
      '/posts/second rendered 2',
    )
    expect(await get('/posts/second', { cookie: 'theme=dark; held-comments=xyz' })).toBe(
      '/posts/second rendered 3',
    )
    expect(await get('/posts/second', { cookie: '_ga=GA1.1.1' })).toBe('/posts/second rendered 1')
  })

  it('passes the admin, the API, previews and writes, and keeps nothing marked private', async () => {
    for (const path of ['/admin', '/api/posts', '/preview/1', '/private']) {
      await get(path)
      expect(await get(path)).toBe(`${path} rendered 2`)
    }
    const post = await fetch(`${varnish.url}/posts/third`, { method: 'POST', body: 'x' })
    expect(await post.text()).toBe('/posts/third rendered 1')
    expect(await get('/posts/third')).toBe('/posts/third rendered 2')
  })

  it('refuses a BAN from outside its ACL, and the pages stay cached', async () => {
    expect(await get('/posts/fourth')).toBe('/posts/fourth rendered 1')
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${varnish.url}/`, { method: 'BAN', localAddress: '127.0.0.2' })
      request.on('response', (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      request.on('error', reject)
      request.end()
    })
    expect(status).toBe(405)
    expect(await get('/posts/fourth')).toBe('/posts/fourth rendered 1')
  })
  it('keeps a plain copy for clients without gzip beside the gzipped one, rather than unzipping for each', async () => {
    askedEncodings.length = 0
    expect(await getPlain('/posts/fifth')).toEqual({
      body: '/posts/fifth rendered 1',
      encoding: undefined,
    })
    expect(await get('/posts/fifth')).toBe('/posts/fifth rendered 2')
    // Varnish fetched the plain copy plain, and the other in gzip (whatever the client listed).
    expect(askedEncodings).toEqual([undefined, 'gzip'])

    expect(await getPlain('/posts/fifth')).toEqual({
      body: '/posts/fifth rendered 1',
      encoding: undefined,
    })
    expect(await get('/posts/fifth')).toBe('/posts/fifth rendered 2')
    expect(askedEncodings).toHaveLength(2)

    await new HttpBanPurger([`${varnish.url}/`]).purge(silentLogger)
    expect((await getPlain('/posts/fifth')).body).toBe('/posts/fifth rendered 3')
    expect(await get('/posts/fifth')).toBe('/posts/fifth rendered 4')
  })
})
