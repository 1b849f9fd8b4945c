import type { Browser, BrowserContext, Page } from 'playwright-core'

import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

// Items 5 and 6 of the moderation issue, as readers meet them: their own held comment in place,
// for their browser only, with and without JavaScript; the agency's replies marked.

const PASSWORD = 'e2e-own-comments-password'
const OPEN = '/posts/draft-recreation-safety-plan-comment'
const AWAITING = 'Your comment is awaiting moderation'

let app: AppProcess
let browser: Browser
let adminToken: string
let moderatorToken: string

async function login(email: string) {
  const res = await fetch(`${app.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  return ((await res.json()) as { token: string }).token
}

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${app.baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

async function fill(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await page.fill(`#comment-${name}`, value)
}

/** The comment showing `text` on the post page, or null. */
async function commentShowing(page: Page, text: string) {
  const item = page.locator('.comment-list li.comment', { hasText: text })
  return (await item.count()) ? item.first() : null
}

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
  adminToken = await login('admin@example.gov')
  moderatorToken = await login('moderator@example.gov')
  const res = await api('POST', '/globals/site-settings', adminToken, { floodIntervalSeconds: 0 })
  expect(res.status).toBe(200)
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe("a reader's own held comment", () => {
  let reader: BrowserContext
  let other: BrowserContext
  const body = 'Held, and shown to me alone.'

  beforeAll(async () => {
    reader = await browser.newContext()
    other = await browser.newContext()
  })
  afterAll(async () => {
    await reader?.close()
    await other?.close()
  })

  it('with JavaScript: shows it in place, marked as awaiting moderation, to that browser only', async () => {
    const page = await reader.newPage()
    await page.goto(`${app.baseUrl}${OPEN}`)
    await fill(page, { authorName: 'Own Reader', authorEmail: 'own@example.com', body })
    await page.click('#respond button[type="submit"]')
    await page.locator('li.comment--held', { hasText: body }).waitFor()
    const held = (await commentShowing(page, body))!
    expect(await held.textContent()).toContain(AWAITING)
    // Not numbered, and not open to replies until approved.
    expect(await held.locator('.comment-reply').count()).toBe(0)
    expect(await held.textContent()).not.toMatch(/#\d+/)

    const [cookie] = (await reader.cookies()).filter((c) => c.name === 'held-comments')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })

    // Reloaded: rendered for this browser, never from or into a shared cache.
    const again = await page.goto(`${app.baseUrl}${OPEN}`)
    expect(again?.headers()['cache-control']).toBe('private, no-store')
    expect(again?.headers()['x-page-cache']).toBeUndefined()
    expect(await commentShowing(page, body)).not.toBeNull()

    // Another browser, twice (the second from the page cache), never sees it.
    const theirs = await other.newPage()
    for (let i = 0; i < 2; i++) {
      await theirs.goto(`${app.baseUrl}${OPEN}`)
      expect(await commentShowing(theirs, body)).toBeNull()
      expect(await theirs.locator('li.comment--held').count()).toBe(0)
    }
    await theirs.close()
    await page.close()
  })

  it('once approved, shows it to everyone as any other comment', async () => {
    const found = await api(
      'GET',
      `/comments?where[body][equals]=${encodeURIComponent(body)}&depth=0`,
      adminToken,
    )
    const [comment] = found.body.docs as { id: number }[]
    const approved = await api('POST', '/comments/moderate', moderatorToken, {
      ids: [comment.id],
      action: 'approve',
    })
    expect(approved.status).toBe(200)
    for (const context of [reader, other]) {
      const page = await context.newPage()
      await page.goto(`${app.baseUrl}${OPEN}`)
      const shown = (await commentShowing(page, body))!
      expect(await shown.getAttribute('class')).toBe('comment')
      expect(await shown.textContent()).toMatch(/#\d+/)
      expect(await shown.textContent()).not.toContain(AWAITING)
      await page.close()
    }
  })

  it('without JavaScript: the form posts, redirects back and shows it in place, to that browser only', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false })
    const stranger = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await plain.newPage()
      await page.goto(`${app.baseUrl}${OPEN}`)
      const text = 'Held, posted without JavaScript.'
      await fill(page, {
        authorName: 'Plain Own Reader',
        authorEmail: 'plain-own@example.com',
        body: text,
      })
      await Promise.all([
        page.waitForURL(/submitted=pending/),
        page.click('#respond button[type="submit"]'),
      ])
      const held = await commentShowing(page, text)
      expect(held).not.toBeNull()
      expect(await held!.getAttribute('class')).toContain('comment--held')
      expect(await held!.textContent()).toContain(AWAITING)

      const theirs = await stranger.newPage()
      await theirs.goto(`${app.baseUrl}${OPEN}`)
      expect(await commentShowing(theirs, text)).toBeNull()
    } finally {
      await plain.close()
      await stranger.close()
    }
  })
})

describe('agency responses', () => {
  it('shows a moderator\'s reply from the queue as "Agency response" with their title, in thread order', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.baseUrl}${OPEN}`)
    const parentId = (await page.locator('.comment-list > li.comment').first().getAttribute('id'))!
    const text = 'Thank you: the comment period runs to the end of the month.'
    const res = await api(
      'POST',
      `/comments/${parentId.replace('comment-', '')}/reply`,
      moderatorToken,
      {
        body: text,
      },
    )
    expect(res.status).toBe(201)

    await page.goto(`${app.baseUrl}${OPEN}`)
    const reply = page.locator(`#${parentId} .comment-replies li.comment`, { hasText: text })
    expect(await reply.getAttribute('class')).toContain('comment--agency')
    const header = (await reply.locator('header').first().textContent()) ?? ''
    expect(header).toContain('Agency response')
    expect(header).toContain('Demo Moderator, Public Affairs Office')
    expect(header).toMatch(/#\d+/)
    await page.close()
  })
})

describe('accessibility', () => {
  it.each([
    ['phone', { width: 375, height: 812 }],
    ['desktop', { width: 1280, height: 900 }],
  ])(
    'finds no WCAG 2.1 AA violation with a held comment and an agency response, %s',
    async (_name, viewport) => {
      const context = await browser.newContext({ viewport })
      try {
        const page = await context.newPage()
        await page.goto(`${app.baseUrl}${OPEN}`)
        await fill(page, {
          authorName: 'Axe Reader',
          authorEmail: `axe-${viewport.width}@example.com`,
          body: `Checked at ${viewport.width} pixels.`,
        })
        await page.click('#respond button[type="submit"]')
        await page.locator('li.comment--held').first().waitFor()
        expect(await page.locator('li.comment--agency').count()).toBeGreaterThan(0)
        expect(await axeViolations(page, 'main')).toEqual([])
      } finally {
        await context.close()
      }
    },
  )
})
