import http from 'node:http'

import type { RunningServer } from '@/server/listen'

import { startFront } from '../helpers/front'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/** Stands in for Next: echoes what it received, so the tests see what Express passed on. */
async function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url === '/boom') throw new Error('render failed')
  res.setHeader('content-type', 'application/json')
  res.end(
    JSON.stringify({
      url: req.url,
      realIp: req.headers['x-real-ip'] ?? null,
      host: req.headers['x-forwarded-host'] ?? null,
      proto: req.headers['x-forwarded-proto'] ?? null,
      policy: req.headers['content-security-policy'] ?? null,
    }),
  )
}

let t: TestPayload
let running: RunningServer
let base: string

beforeAll(async () => {
  t = await startTestPayload()
  running = await startFront(t.payload, fakeNext, { trustProxy: false, https: true })
  base = `http://127.0.0.1:${running.port}`
})
afterAll(async () => {
  running?.server.close()
  await t?.stop().catch(() => undefined)
})

describe('express server', () => {
  it('answers /healthz with 200 {"status":"ok"} while the database answers', async () => {
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('sends security headers on every response, HSTS behind https', async () => {
    const res = await fetch(`${base}/posts/anything`)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  it('gives public pages a policy that runs only scripts carrying its nonce, told to Next', async () => {
    const first = await fetch(`${base}/posts/anything`, {
      headers: { 'content-security-policy': "script-src 'nonce-chosenByTheClient'" },
    })
    const policy = first.headers.get('content-security-policy') ?? ''
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1]
    expect(nonce).toBeDefined()
    expect(policy).not.toMatch(/unsafe-inline[^;]*;.*script|script-src[^;]*unsafe-inline/)
    // Next reads the nonce from the request's header: ours, not the client's.
    expect((await first.json()).policy).toBe(policy)
    // Each rendered page has its own (a stored page keeps the one it was rendered with).
    const second = await fetch(`${base}/posts/another`)
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)
  })

  it("gives the admin a policy Payload's admin works with", async () => {
    const res = await fetch(`${base}/admin/collections/posts`)
    expect(res.headers.get('content-security-policy')).toContain(
      "script-src 'self' 'unsafe-inline'",
    )
    expect((await res.json()).policy).toBeNull()
  })

  it('passes every other path to Next, with the client address in X-Real-IP', async () => {
    const res = await fetch(`${base}/api/posts?limit=1`, { headers: { 'x-real-ip': '6.6.6.6' } })
    expect(await res.json()).toMatchObject({ url: '/api/posts?limit=1', realIp: '127.0.0.1' })
  })

  it('ignores X-Forwarded-For unless TRUST_PROXY says the proxy is trusted', async () => {
    const res = await fetch(`${base}/x`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect((await res.json()).realIp).toBe('127.0.0.1')
  })

  it("ignores a client's X-Forwarded-Host and -Proto: pages build their URLs from the real ones", async () => {
    const res = await fetch(`${base}/x`, {
      headers: { 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https' },
    })
    expect(await res.json()).toMatchObject({ host: `127.0.0.1:${running.port}`, proto: 'http' })
  })

  it('turns an error in Next into a 500 with the API error shape', async () => {
    const res = await fetch(`${base}/boom`)
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ errors: [{ message: 'Something went wrong on our side.' }] })
  })

  it('answers 503 with a reason once the database is gone, and shutdown closes cleanly', async () => {
    const { closeDatabase } = await import('@/db/closeDatabase')
    await closeDatabase(t.payload)
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(503)
    // The cause is logged, never answered: it can carry SQL text.
    expect(await res.json()).toEqual({ status: 'error', reason: 'database unavailable' })
  })
})

describe('trusted proxy', () => {
  it('takes the client address from X-Forwarded-For when TRUST_PROXY is set', async () => {
    const proxied = await startFront(t.payload, fakeNext, { trustProxy: 1, https: false })
    try {
      const res = await fetch(`http://127.0.0.1:${proxied.port}/x`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      })
      expect((await res.json()).realIp).toBe('203.0.113.9')
      expect(res.headers.get('strict-transport-security')).toBeNull()

      // The proxy's view of the host and scheme is taken from a trusted proxy.
      const behind = await fetch(`http://127.0.0.1:${proxied.port}/x`, {
        headers: { 'x-forwarded-host': 'blog.agency.example', 'x-forwarded-proto': 'https' },
      })
      expect(await behind.json()).toMatchObject({ host: 'blog.agency.example', proto: 'https' })
      // ... and with it, https: browsers are told to keep to it.
      expect(behind.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    } finally {
      proxied.server.close()
    }
  })
})

describe('listen', () => {
  it('holds the port from the start, answering 503 until the application is handed over', async () => {
    const { listen } = await import('@/server/listen')
    const early = await listen({ port: 0, host: '127.0.0.1', logger: t.payload.logger })
    const url = `http://127.0.0.1:${early.port}`
    try {
      const health = await fetch(`${url}/healthz`)
      expect(health.status).toBe(503)
      expect(await health.json()).toEqual({ status: 'starting' })
      const page = await fetch(`${url}/posts/anything`)
      expect(page.status).toBe(503)
      expect(page.headers.get('retry-after')).toBe('5')
      expect(await page.json()).toEqual({
        errors: [{ message: 'The site is starting; try again in a moment.' }],
      })
      early.serve((_req, res) => res.end('ready'))
      expect(await (await fetch(`${url}/posts/anything`)).text()).toBe('ready')
    } finally {
      await early.shutdown()
    }
  })

  it('says in one line that a port is taken', async () => {
    const { listen, ListenError } = await import('@/server/listen')
    const first = await listen({ port: 0, host: '127.0.0.1', logger: t.payload.logger })
    try {
      const second = listen({ port: first.port, host: '127.0.0.1', logger: t.payload.logger })
      await expect(second).rejects.toThrow(ListenError)
      await expect(second).rejects.toThrow(
        `127.0.0.1:${first.port} is already in use (PORT=${first.port})`,
      )
    } finally {
      await first.shutdown()
    }
  })

  it('on shutdown finishes every request in flight, closes kept-alive connections and serves nothing new', async () => {
    const { listen } = await import('@/server/listen')
    const server = await listen({
      port: 0,
      host: '127.0.0.1',
      logger: t.payload.logger,
      graceMs: 20_000,
    })
    let served = 0
    server.serve((_req, res) => {
      served += 1
      setTimeout(() => res.end('done'), 500)
    })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 10 })
    const get = () =>
      new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: server.port, path: '/slow', agent }, (res) => {
            let body = ''
            res.on('data', (chunk) => (body += chunk))
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
            )
          })
          .on('error', reject)
      })
    try {
      // Ten connections, each with a request in flight and three more queued behind it.
      // (Errors from Node's core fail `instanceof Error` in Jest's module sandbox: tag them.)
      const requests = Array.from({ length: 40 }, () =>
        get().catch((error: NodeJS.ErrnoException) => ({ failed: error.code })),
      )
      for (let waited = 0; served < 10 && waited < 10_000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      expect(served).toBe(10)
      const started = Date.now()
      await server.shutdown('SIGTERM')
      expect(Date.now() - started).toBeLessThan(5_000)

      const results = await Promise.all(requests)
      const answered = results.filter((r) => !('failed' in r))
      expect(answered).toHaveLength(10)
      for (const r of answered)
        expect(r).toEqual({ status: 200, connection: 'close', body: 'done' })
      // The queued ones were not started on the closing connections: they found no server.
      expect(served).toBe(10)
      expect(results.filter((r) => 'failed' in r)).toEqual(
        Array.from({ length: 30 }, () => ({ failed: 'ECONNREFUSED' })),
      )
    } finally {
      agent.destroy()
    }
  })
  it('drains before closing: /healthz says 503 "draining" while requests are still served, each on a closing connection', async () => {
    const { listen } = await import('@/server/listen')
    const server = await listen({
      port: 0,
      host: '127.0.0.1',
      logger: t.payload.logger,
      drainMs: 1500,
    })
    server.serve((req, res) => {
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify({ status: 'ok', path: req.url }))
    })
    const base = `http://127.0.0.1:${server.port}`
    expect((await fetch(`${base}/healthz`)).status).toBe(200)

    const stopped = server.shutdown('SIGTERM')
    let closedAt = 0
    void stopped.then(() => (closedAt = Date.now()))
    const drainStarted = Date.now()

    const health = await fetch(`${base}/healthz`)
    expect(health.status).toBe(503)
    expect(await health.json()).toEqual({ status: 'draining' })
    expect(health.headers.get('cache-control')).toBe('no-store')
    const page = await fetch(`${base}/posts/one`)
    expect(page.status).toBe(200)
    expect(await page.json()).toEqual({ status: 'ok', path: '/posts/one' })
    expect(page.headers.get('connection')).toBe('close')
    expect(closedAt).toBe(0)

    await stopped
    expect(closedAt - drainStarted).toBeGreaterThanOrEqual(1400)
    await expect(fetch(`${base}/healthz`)).rejects.toThrow()
  })
})
