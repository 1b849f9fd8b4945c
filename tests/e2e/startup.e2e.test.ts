import http from 'node:http'
import net from 'node:net'

import { DEMO_ACCOUNTS } from '@/seed/demoAccounts'
import { DEMO_POSTS } from '@/seed/demoContent'

import { runAppExpectingExit, startApp, type AppProcess } from '../helpers/appProcess'

const PASSWORD = 'e2e-demo-password'

async function login(base: string, email: string, password = PASSWORD) {
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return { status: res.status, body: await res.json() }
}

describe('npm start on an empty SQLite database (demo mode)', () => {
  let app: AppProcess

  beforeAll(async () => {
    app = await startApp({ DEMO_PASSWORD: PASSWORD })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('prints the site, admin and API URLs (HOST and PORT, as SERVER_URL is unset) and the demo logins', () => {
    const out = app.output()
    expect(out).toContain(`Site:    ${app.baseUrl}/`)
    expect(out).toContain(`Admin:   ${app.baseUrl}/admin`)
    expect(out).toContain(`GraphQL: ${app.baseUrl}/api/graphql`)
    expect(out).toContain(`Uploads: ${app.env.MEDIA_DIR}`)
    expect(out).toContain(`Database: ${app.env.DATA_DIR}/payload.db`)
    for (const account of DEMO_ACCOUNTS) expect(out).toContain(account.email)
    expect(out).toContain('Demo content created')
  })

  it('answers /healthz', async () => {
    const res = await fetch(`${app.baseUrl}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('lists published demo posts on /, newest first, with an Archived label on archived ones', async () => {
    const res = await fetch(`${app.baseUrl}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await res.text()
    const newest = [...DEMO_POSTS].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    const first = html.indexOf(`/posts/${newest[0].slug}`)
    const second = html.indexOf(`/posts/${newest[1].slug}`)
    expect(first).toBeGreaterThan(-1)
    expect(second).toBeGreaterThan(first)
    expect(html).toContain('Archived')
  })

  it('shows one post at /posts/<slug>, with the archive notice on an archived post', async () => {
    const archived = DEMO_POSTS.find((p) => p.archived)!
    const res = await fetch(`${app.baseUrl}/posts/${archived.slug}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('role="status"')
    expect(html).toContain('https://www.example.gov/')
    expect((await fetch(`${app.baseUrl}/posts/no-such-post`)).status).toBe(404)
  })

  it('publishes RSS and Atom feeds of the latest posts, a sitemap and robots.txt', async () => {
    const newest = [...DEMO_POSTS].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    const rss = await fetch(`${app.baseUrl}/feed.xml`)
    expect(rss.headers.get('content-type')).toContain('application/rss+xml')
    const rssXml = await rss.text()
    expect(rssXml.match(/<item>/g)).toHaveLength(Math.min(20, DEMO_POSTS.length))
    expect(rssXml.indexOf(`/posts/${newest[0].slug}`)).toBeLessThan(
      rssXml.indexOf(`/posts/${newest[1].slug}`),
    )
    const atom = await fetch(`${app.baseUrl}/feed.atom`)
    expect(atom.headers.get('content-type')).toContain('application/atom+xml')
    expect((await atom.text()).match(/<entry>/g)).toHaveLength(Math.min(20, DEMO_POSTS.length))

    const sitemap = await fetch(`${app.baseUrl}/sitemap.xml`).then((r) => r.text())
    for (const post of DEMO_POSTS) expect(sitemap).toContain(`/posts/${post.slug}</loc>`)
    const robots = await fetch(`${app.baseUrl}/robots.txt`).then((r) => r.text())
    expect(robots).toMatch(/Disallow: \/admin/)
    expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/)
  })

  it('serves the admin panel at /admin', async () => {
    const res = await fetch(`${app.baseUrl}/admin/login`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<html')
  })

  it('serves REST at /api and GraphQL at /api/graphql, hiding commenters’ private data', async () => {
    const rest = await fetch(`${app.baseUrl}/api/comments?limit=100`).then((r) => r.json())
    expect(rest.docs.length).toBeGreaterThan(0)
    for (const comment of rest.docs) {
      expect(comment.status).toBe('approved')
      expect(comment.authorEmail).toBeUndefined()
      expect(comment.ip).toBeUndefined()
    }
    const gql = await fetch(`${app.baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Posts(limit: 50) { totalDocs docs { slug archived } } }' }),
    }).then((r) => r.json())
    expect(gql.data.Posts.totalDocs).toBe(DEMO_POSTS.length)
  })

  it('lets every demo account log in with DEMO_PASSWORD and see only what its role allows', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const { status, body } = await login(app.baseUrl, account.email)
      expect(status).toBe(200)
      expect(body.user.role).toBe(account.role)
      const auth = { authorization: `JWT ${body.token}` }
      const users = await fetch(`${app.baseUrl}/api/users`, { headers: auth }).then((r) => r.json())
      // Admins see every account; everyone else only their own.
      expect(users.totalDocs).toBe(account.role === 'admin' ? DEMO_ACCOUNTS.length : 1)
      const comments = await fetch(
        `${app.baseUrl}/api/comments?limit=200&where[status][equals]=pending`,
        {
          headers: auth,
        },
      ).then((r) => r.json())
      const seesPending = comments.totalDocs > 0
      expect(seesPending).toBe(account.role === 'admin' || account.role === 'moderator')
    }
    expect((await login(app.baseUrl, 'admin@example.gov', 'wrong-password')).status).toBe(401)
  })

  it('stops on SIGTERM after finishing the requests in flight, and exits 0', async () => {
    // A login whose body is still arriving when SIGTERM lands: the server has started on it.
    const body = JSON.stringify({ email: 'admin@example.gov', password: PASSWORD })
    const { hostname, port } = new URL(app.baseUrl)
    const request = http.request({
      hostname,
      port,
      path: '/api/users/login',
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    })
    const response = new Promise<{ status: number; json: { user?: { email: string } } }>(
      (resolve, reject) => {
        request.on('error', reject)
        request.on('response', (res) => {
          let text = ''
          res.on('data', (chunk) => (text += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
        })
      },
    )
    request.write(body.slice(0, 10))
    await new Promise((resolve) => setTimeout(resolve, 300))
    const code = app.stop()
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Shutting down: new connections are refused while the request in flight is still served.
    await expect(fetch(`${app.baseUrl}/healthz`)).rejects.toThrow()
    request.end(body.slice(10))
    const finished = await response
    expect(finished.status).toBe(200)
    expect(finished.json.user?.email).toBe('admin@example.gov')
    expect(await code).toBe(0)
    expect(app.output()).toContain('database closed')
  })

  it('logged JSON lines (its output is not a terminal): one per request, dated, no error', () => {
    const out = app.output()
    expect(out).not.toContain('\u001b[')
    const entries = out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const requests = entries.filter((entry) => entry.msg === 'request')
    expect(requests.length).toBeGreaterThan(10)
    for (const entry of requests) {
      expect(entry).toMatchObject({
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        method: expect.any(String),
        path: expect.stringMatching(/^\//),
        status: expect.any(Number),
        ms: expect.any(Number),
        ip: '127.0.0.1',
      })
    }
    // The staff sign-ins above, then requests made with their sessions.
    expect(requests.some((entry) => typeof entry.user === 'number')).toBe(true)
    // Nothing at error level: jobs start only after the migrations made their tables.
    expect(entries.filter((entry) => Number(entry.level) >= 50)).toEqual([])
    expect(out).not.toMatch(/no such table/)
  })
})

describe('start-up refusals', () => {
  it('stops with a one-line message naming the accepted forms for an unknown DATABASE_URL', async () => {
    const { code, output } = await runAppExpectingExit({ DATABASE_URL: 'mysql://db/blog' })
    expect(code).toBe(1)
    expect(output.trim()).toMatch(
      /^Configuration error: DATABASE_URL .*postgres:\/\/.*mongodb:\/\//,
    )
    expect(output.trim().split('\n')).toHaveLength(1)
  })

  it.each([
    [
      'TRUST_PROXY',
      { TRUST_PROXY: 'the-load-balancer' },
      /^Configuration error: TRUST_PROXY entry/,
    ],
    ['NODE_ENV', { NODE_ENV: 'development' }, /^Configuration error: NODE_ENV=development/],
  ])('stops with one line for a bad %s, before touching the database', async (_name, env, line) => {
    const { code, output } = await runAppExpectingExit(env)
    expect(code).toBe(1)
    expect(output.trim()).toMatch(line)
    expect(output.trim().split('\n')).toHaveLength(1)
  })

  it('stops with one line when the port is taken or HOST is not an address here', async () => {
    const taken = net.createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as net.AddressInfo
    try {
      const busy = await runAppExpectingExit({ HOST: '127.0.0.1', PORT: String(port) })
      expect(busy.code).toBe(1)
      expect(busy.output.trim()).toBe(
        `Start-up stopped: 127.0.0.1:${port} is already in use (PORT=${port}): stop the other server or choose another PORT`,
      )
    } finally {
      taken.close()
    }
    // A documentation address (RFC 5737): no machine here has it.
    const elsewhere = await runAppExpectingExit({ HOST: '192.0.2.7' })
    expect(elsewhere.code).toBe(1)
    expect(elsewhere.output.trim()).toBe(
      'Start-up stopped: HOST "192.0.2.7" is not an address of this machine',
    )
  })

  it('refuses NODE_ENV=production without PAYLOAD_SECRET', async () => {
    const { code, output } = await runAppExpectingExit({ NODE_ENV: 'production' })
    expect(code).toBe(1)
    expect(output).toContain('PAYLOAD_SECRET is required')
  })
})

describe('npm start with NODE_ENV=production', () => {
  it('migrates but creates no demo accounts or content', async () => {
    const app = await startApp({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-production-secret-for-e2e',
      LOG_FORMAT: 'pretty',
    })
    try {
      expect(app.output()).not.toContain('admin@example.gov')
      expect((await login(app.baseUrl, 'admin@example.gov', 'demo-password')).status).toBe(401)
      const posts = await fetch(`${app.baseUrl}/api/posts`).then((r) => r.json())
      expect(posts.totalDocs).toBe(0)
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200)
    } finally {
      expect(await app.stop()).toBe(0)
    }
    // LOG_FORMAT=pretty into a file or pipe: readable lines, one per request, without colour codes.
    const out = app.output()
    expect(out).not.toContain('\u001b[')
    expect(out).toMatch(
      /^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] INFO: request .*"path":"\/api\/posts"/m,
    )
  })
})
