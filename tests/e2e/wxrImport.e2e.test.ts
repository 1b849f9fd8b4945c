import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { startApp, tempDataDir, type AppProcess } from '../helpers/appProcess'
import { launchBrowser } from '../helpers/browser'

/**
 * What a newcomer does: export a WordPress blog, import it with --archive, start the site. Every
 * post is archived, its approved comments appear in the same order and threading as before under
 * "Comments are closed.", and the old addresses redirect to the new pages.
 */

const fixture = path.join(process.cwd(), 'tests/fixtures/wxr/blog-1.2.xml')
const OLD_PATH = '/2023/04/lock-4-gate-replacement-what-river-traffic-should-expect/'
const NEW_PATH = '/posts/lock-4-gate-replacement-what-river-traffic-should-expect'

describe('npm run import:wxr -- <export> --archive, then npm start', () => {
  let app: AppProcess
  let importOutput = ''

  beforeAll(async () => {
    const dataDir = tempDataDir()
    const env = { DATA_DIR: dataDir, MEDIA_DIR: path.join(dataDir, 'media') }
    const result = spawnSync('npm', ['run', 'import:wxr', '--silent', '--', fixture, '--archive'], {
      env: { ...process.env, NODE_OPTIONS: undefined, DATABASE_URL: undefined, ...env },
      encoding: 'utf8',
      timeout: 180_000,
    })
    importOutput = `${result.stdout}${result.stderr}`
    if (result.status !== 0) throw new Error(`import failed:\n${importOutput}`)
    app = await startApp({ ...env, DEMO_PASSWORD: 'e2e-import-password' })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('prints progress and a summary', () => {
    expect(importOutput).toMatch(/posts 7\/7, comments 18\/18/)
    expect(importOutput).toMatch(/posts\s+7 created, 0 updated, 0 unchanged, 0 failed/)
    expect(importOutput).toMatch(/skipped\s+.*2 pingbacks/)
  })

  it('redirects the old address and ?p= number to the new page, for good', async () => {
    for (const old of [OLD_PATH, OLD_PATH.replace(/\/$/, ''), '/?p=21']) {
      const res = await fetch(`${app.baseUrl}${old}`, { redirect: 'manual' })
      expect([301, 308]).toContain(res.status)
      const location = new URL(res.headers.get('location')!, app.baseUrl)
      // Next first drops a trailing slash (its own 308), then our route answers.
      if (location.pathname !== NEW_PATH) {
        const next = await fetch(location, { redirect: 'manual' })
        expect(new URL(next.headers.get('location')!, app.baseUrl).pathname).toBe(NEW_PATH)
      } else {
        expect(location.pathname).toBe(NEW_PATH)
      }
    }
    expect((await fetch(`${app.baseUrl}/2023/04/no-such-post/`)).status).toBe(404)
    expect((await fetch(`${app.baseUrl}/?p=999999`)).status).toBe(404)
  })

  it('shows the post archived, comments closed, approved comments threaded in their old order', async () => {
    const html = await (await fetch(`${app.baseUrl}${NEW_PATH}`)).text()
    expect(html).toContain('role="status"')
    expect(html).toContain('Comments are closed.')
    // Approved ones only: the pending, spam and trashed comments stay out of sight.
    expect(html).not.toContain('best marine parts')
    // The chain 104 > 105 > 106 > 107, one reply list inside the other.
    const authors = [...html.matchAll(/class="comment-author"[^>]*>(?:<[^>]+>)*([^<]+)</g)].map(
      (m) => m[1].trim(),
    )
    expect(authors.slice(0, 4)).toEqual([
      'Renée Dubois',
      'Zoë Márquez',
      'Renée Dubois',
      'Jürgen Hahn',
    ])
    const first = html.indexOf('Renée Dubois')
    const nested = html.slice(first, html.indexOf('Jürgen Hahn'))
    expect(nested.match(/comment-replies/g)?.length).toBeGreaterThanOrEqual(3)
  })

  it("keeps an old #comment-<id> link's comment through the redirect, on whichever page it is", async () => {
    // Five threads a page, so the busy post's discussion spans two pages.
    const login = await fetch(`${app.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.gov', password: 'e2e-import-password' }),
    }).then((r) => r.json())
    const saved = await fetch(`${app.baseUrl}/api/globals/site-settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${login.token}` },
      body: JSON.stringify({ commentsPerPage: 5 }),
    })
    expect(saved.status).toBe(200)
    // The newer export approves one more top-level comment and adds another (seven threads):
    // imported through the running server, from the admin's REST route.
    const auth = { authorization: `JWT ${login.token}` }
    const started = await fetch(
      `${app.baseUrl}/api/posts/import-wxr?mode=import&archive=1&name=blog-1.2-updated.xml`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/xml', ...auth },
        body: fs.readFileSync(path.join(path.dirname(fixture), 'blog-1.2-updated.xml')),
      },
    )
    expect(started.status).toBe(202)
    const { id } = await started.json()
    let run: { state: string } = { state: 'checking' }
    for (let tries = 0; tries < 120 && ['checking', 'running'].includes(run.state); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      run = await fetch(`${app.baseUrl}/api/posts/import-wxr/${id}`, { headers: auth }).then((r) =>
        r.json(),
      )
    }
    expect(run.state).toBe('finished')

    // Where each WordPress comment went: the permalink route answers by WordPress id.
    const locations = new Map<number, URL>()
    for (let wpId = 101; wpId <= 119; wpId++) {
      const res = await fetch(`${app.baseUrl}${NEW_PATH}/comments/wordpress-${wpId}`, {
        redirect: 'manual',
      })
      if (res.status >= 300 && res.status < 400) {
        locations.set(wpId, new URL(res.headers.get('location')!, app.baseUrl))
      }
    }
    const onPage2 = [...locations].find(([, url]) => url.searchParams.get('comments') === '2')
    expect(onPage2).toBeDefined()
    // The reply three deep is on the first page; the spam one (113) lands on the post alone.
    expect(locations.get(107)!.hash).toMatch(/^#comment-\d+$/)
    expect(locations.get(113)!.hash).toBe('')

    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      for (const [wpId, expected] of [onPage2!, [107, locations.get(107)!] as const]) {
        await page.goto(`${app.baseUrl}${OLD_PATH}#comment-${wpId}`)
        await page.waitForURL((url) => url.hash === expected.hash, { timeout: 15_000 })
        const url = new URL(page.url())
        expect(url.pathname).toBe(NEW_PATH)
        expect(url.search).toBe(expected.search)
        expect(await page.locator(`li${expected.hash}`).isVisible()).toBe(true)
      }
      // With no anchor, the mark is tidied away from the address.
      await page.goto(`${app.baseUrl}${OLD_PATH}`)
      await page.waitForURL((url) => url.search === '', { timeout: 15_000 })
      expect(new URL(page.url()).pathname).toBe(NEW_PATH)
    } finally {
      await browser.close()
    }

    // WordPress's reply link goes to its comment with no JavaScript at all.
    const reply = await fetch(`${app.baseUrl}/?p=21&replytocom=107`, { redirect: 'follow' })
    expect(reply.redirected).toBe(true)
    expect(reply.url).toBe(`${app.baseUrl}${NEW_PATH}${locations.get(107)!.search}`)
  })
})
