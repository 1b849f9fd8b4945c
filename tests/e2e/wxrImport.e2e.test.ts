import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { startApp, tempDataDir, type AppProcess } from '../helpers/appProcess'

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
})
