import fs from 'node:fs'
import path from 'node:path'

import { jest } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { DEMO_POSTS } from '@/seed/demoContent'

import { startApp, type AppProcess } from '../helpers/appProcess'
import { launchBrowser } from '../helpers/browser'

// The dev server compiles each route on its first request: on two busy cores that takes a while.
const FIRST_COMPILE_MS = 240_000
jest.setTimeout(600_000)

// A page the test writes and rewrites while the server runs: hot reload must pick up both.
const PROBE_DIR = path.join(process.cwd(), 'src/app/(frontend)/dev-reload-probe')
const probePage = (text: string) =>
  `export default function Page() {\n  return <p id="probe">${text}</p>\n}\n`

async function fetchText(url: string) {
  const res = await fetch(url, { signal: AbortSignal.timeout(FIRST_COMPILE_MS) })
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() }
}

/** The page's HTML once it shows `text` (the watcher takes a moment), or its last answer. */
async function pageShowing(url: string, text: string): Promise<string> {
  let body = ''
  for (let attempt = 0; attempt < 30; attempt++) {
    body = (await fetchText(url)).body
    if (body.includes(text)) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return body
}

/** Loads a page in Chromium; resolves with its CSP violations and whether HMR connected. */
async function visit(browser: Browser, url: string) {
  const page = await browser.newPage()
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive))
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation(d: string): void }).reportViolation(
        event.violatedDirective,
      ),
    ),
  )
  const hmr = page.waitForEvent('websocket', {
    predicate: (socket) => socket.url().includes('/_next/hmr'),
    timeout: FIRST_COMPILE_MS,
  })
  await page.goto(url, { waitUntil: 'load', timeout: FIRST_COMPILE_MS })
  const socket = await hmr
  // A message from the dev server proves the socket went through the Express front both ways.
  await socket.waitForEvent('framereceived', { timeout: 60_000 })
  await page.close()
  return { violations }
}

describe('npm run dev', () => {
  let app: AppProcess
  let browser: Browser
  const post = DEMO_POSTS.find((p) => !p.archived)!

  beforeAll(async () => {
    fs.rmSync(PROBE_DIR, { recursive: true, force: true })
    app = await startApp({ DEMO_PASSWORD: 'e2e-demo-password' }, { script: 'dev' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    fs.rmSync(PROBE_DIR, { recursive: true, force: true })
    await browser?.close()
    await app?.stop()
  })

  it('serves a post page, the admin sign-in and the REST API', async () => {
    const page = await fetchText(`${app.baseUrl}/posts/${post.slug}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(post.title)

    const admin = await fetchText(`${app.baseUrl}/admin/login`)
    expect(admin.status).toBe(200)
    expect(admin.type).toContain('text/html')

    const api = await fetchText(`${app.baseUrl}/api/posts?limit=1&depth=0`)
    expect(api.status).toBe(200)
    expect(JSON.parse(api.body).docs).toHaveLength(1)
    // The dev bundler compiled every route: no module it could not resolve.
    expect(app.output()).not.toMatch(/Module not found|Can't resolve/)
  })

  it('runs the pages in Chromium with hot reloading connected and no policy violation', async () => {
    for (const url of [`${app.baseUrl}/posts/${post.slug}`, `${app.baseUrl}/admin/login`]) {
      const { violations } = await visit(browser, url)
      expect({ url, violations }).toEqual({ url, violations: [] })
    }
  })

  it('picks up a changed source file without a restart', async () => {
    const url = `${app.baseUrl}/dev-reload-probe`
    fs.mkdirSync(PROBE_DIR, { recursive: true })
    for (const version of ['first version', 'second version']) {
      fs.writeFileSync(path.join(PROBE_DIR, 'page.tsx'), probePage(version))
      expect(await pageShowing(url, version)).toContain(version)
    }
  })

  it("tags each response with a request id, and leaves request lines to the front's log", async () => {
    const res = await fetch(`${app.baseUrl}/api/posts?limit=1&depth=0`)
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    // Next's dev server would add its own line per request (` GET /path 200 in 12ms`).
    expect(app.output()).not.toMatch(/^\s*GET \/\S* \d{3} in /m)
  })
})
