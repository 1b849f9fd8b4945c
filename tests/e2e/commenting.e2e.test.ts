import type { Browser, BrowserContext, Page } from 'playwright-core'

import { startApp, type AppProcess } from '../helpers/appProcess'
import { launchBrowser } from '../helpers/browser'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

const PASSWORD = 'e2e-commenting-password'
const OPEN = '/posts/draft-recreation-safety-plan-comment'
const CLOSED = '/posts/cedar-landing-listening-sessions'

let app: AppProcess
let browser: Browser
let adminToken: string
let mail: SmtpSink

async function settings(data: Record<string, unknown>) {
  const res = await fetch(`${app.baseUrl}/api/globals/site-settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${adminToken}` },
    body: JSON.stringify(data),
  })
  expect(res.status).toBe(200)
}

async function storedComments(where: string) {
  const res = await fetch(`${app.baseUrl}/api/comments?${where}&depth=0&limit=100`, {
    headers: { authorization: `JWT ${adminToken}` },
  })
  return (await res.json()).docs as {
    id: number
    authorName: string
    body: string
    status: string
  }[]
}

async function fill(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await page.fill(`#comment-${name}`, value)
}

beforeAll(async () => {
  mail = await startSmtpSink()
  app = await startApp({ DEMO_PASSWORD: PASSWORD, SMTP_URL: mail.url })
  browser = await launchBrowser()
  const login = await fetch(`${app.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.gov', password: PASSWORD }),
  }).then((r) => r.json())
  adminToken = login.token
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await mail?.stop()
})

describe('the comment form with JavaScript', () => {
  let context: BrowserContext
  beforeAll(async () => {
    await settings({ floodIntervalSeconds: 0 })
    context = await browser.newContext()
  })
  afterAll(async () => context?.close())

  it('shows each error next to its field, keeps the text, stores nothing', async () => {
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}${OPEN}`)
    await fill(page, { authorName: 'Kept Name', authorEmail: 'not-an-email', body: 'Kept text' })
    await page.click('#respond button[type="submit"]')
    await page.waitForSelector('#comment-authorEmail-error')
    expect(await page.textContent('#comment-authorEmail-error')).toBe(
      'Enter an email address in the form name@example.com.',
    )
    expect(await page.getAttribute('#comment-authorEmail', 'aria-invalid')).toBe('true')
    expect(await page.inputValue('#comment-authorName')).toBe('Kept Name')
    expect(await page.inputValue('#comment-body')).toBe('Kept text')
    expect(new URL(page.url()).pathname).toBe(OPEN)
    expect(await storedComments('where[authorName][equals]=Kept%20Name')).toHaveLength(0)
    await page.close()
  })

  it('submits in place and announces that the comment awaits moderation', async () => {
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}${OPEN}`)
    await fill(page, {
      authorName: 'Script Reader',
      authorEmail: 'script.reader@example.com',
      body: 'Posted with JavaScript on.',
    })
    // The thread is refreshed in place (to show the reader's held comment), never reloaded: a
    // mark left on the document survives, and the address stays the same.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true))
    await page.click('#respond button[type="submit"]')
    await page.waitForFunction(() =>
      document.querySelector('#comment-status')?.textContent?.includes('awaiting moderation'),
    )
    expect(await page.getAttribute('#comment-status', 'role')).toBe('status')
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true)
    expect(page.url()).toBe(`${app.baseUrl}${OPEN}`)
    expect(await page.inputValue('#comment-body')).toBe('')
    const [stored] = await storedComments('where[authorName][equals]=Script%20Reader')
    expect(stored).toMatchObject({ status: 'pending', body: 'Posted with JavaScript on.' })
    await page.close()
  })

  it("emails the moderators about the held comment from the server's own job runner", async () => {
    // Nothing but the running server sends this: its queue runs moderator emails every 10 s.
    const about = (m: { text: string }) => m.text.includes('Posted with JavaScript on.')
    for (let seen = 1; !mail.messages.some(about); seen++) await mail.waitForMessages(seen, 25_000)
    const message = mail.messages.find(about)
    expect(message?.subject).toMatch(/Comment awaiting moderation/)
    expect(message?.to).toContain('moderator@example.gov')
  })

  it('shows a comment approved at once in the thread', async () => {
    await settings({ moderationMode: 'none' })
    try {
      const page = await context.newPage()
      await page.goto(`${app.baseUrl}${OPEN}`)
      await fill(page, {
        authorName: 'Instant Reader',
        authorEmail: 'instant@example.com',
        body: 'Published without waiting.',
      })
      await page.click('#respond button[type="submit"]')
      await page.waitForFunction(() =>
        document.querySelector('#comment-status')?.textContent?.includes('published'),
      )
      await page.waitForSelector('.comment-list >> text=Published without waiting.')
      await page.close()
    } finally {
      await settings({ moderationMode: 'first-time' })
    }
  })

  it('tells a reader who comments twice within the flood interval to wait', async () => {
    await settings({ floodIntervalSeconds: 5 })
    // Earlier tests commented from this address; let their interval pass.
    await new Promise((resolve) => setTimeout(resolve, 5_500))
    try {
      const page = await context.newPage()
      await page.goto(`${app.baseUrl}${OPEN}`)
      await fill(page, {
        authorName: 'Quick Reader',
        authorEmail: 'quick@example.com',
        body: 'First of two.',
      })
      await page.click('#respond button[type="submit"]')
      await page.waitForFunction(() =>
        document.querySelector('#comment-status')?.textContent?.includes('awaiting moderation'),
      )
      await fill(page, {
        authorName: 'Quick Reader',
        authorEmail: 'quick@example.com',
        body: 'Second of two.',
      })
      await page.click('#respond button[type="submit"]')
      await page.waitForSelector('#respond [role="alert"]')
      expect(await page.textContent('#respond [role="alert"]')).toMatch(
        /posting comments too quickly/,
      )
      expect(await page.inputValue('#comment-body')).toBe('Second of two.')
      expect(await storedComments('where[authorName][equals]=Quick%20Reader')).toHaveLength(1)
      await page.close()
    } finally {
      await settings({ floodIntervalSeconds: 0 })
    }
  })

  it('replies to a comment through its Reply link', async () => {
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}${OPEN}`)
    await page.locator('.comment-reply a').first().click()
    await page.waitForURL(/replyto=/)
    const heading = await page.textContent('#respond-heading')
    expect(heading).toMatch(/^Reply to /)
    await fill(page, {
      authorName: 'Replying Reader',
      authorEmail: 'replying@example.com',
      body: 'A reply.',
    })
    await page.click('#respond button[type="submit"]')
    await page.waitForFunction(() =>
      document.querySelector('#comment-status')?.textContent?.includes('awaiting moderation'),
    )
    const res = await fetch(
      `${app.baseUrl}/api/comments?where[authorName][equals]=Replying%20Reader&depth=0`,
      { headers: { authorization: `JWT ${adminToken}` } },
    )
    const [reply] = (await res.json()).docs
    expect(reply.parent).not.toBeNull()
    await page.close()
  })
})

describe('the comment form without JavaScript', () => {
  let context: BrowserContext
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false })
  })
  afterAll(async () => context?.close())

  it('posts the form, redirects back to the post and shows the status message', async () => {
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}${OPEN}`)
    await fill(page, {
      authorName: 'Plain Reader',
      authorEmail: 'plain@example.com',
      body: 'Posted with JavaScript off.',
    })
    await Promise.all([
      page.waitForURL(/submitted=pending/),
      page.click('#respond button[type="submit"]'),
    ])
    expect(await page.textContent('#comment-status')).toContain(
      'Your comment is awaiting moderation.',
    )
    expect(await storedComments('where[authorName][equals]=Plain%20Reader')).toHaveLength(1)
    await page.close()
  })

  it('shows field errors with the entered text kept', async () => {
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}${OPEN}`)
    await fill(page, { authorName: '', authorEmail: 'plain2@example.com', body: 'Still here.' })
    await Promise.all([page.waitForLoadState('load'), page.click('#respond button[type="submit"]')])
    await page.waitForSelector('#comment-authorName-error')
    expect(await page.textContent('#comment-authorName-error')).toBe('Enter your name.')
    expect(await page.inputValue('#comment-body')).toBe('Still here.')
    expect(await page.inputValue('#comment-authorEmail')).toBe('plain2@example.com')
    await page.close()
  })
})

describe('a closed thread', () => {
  it('says "Comments are closed." where the form would be and keeps the comments', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.baseUrl}${CLOSED}`)
    expect(await page.textContent('.comments-closed')).toBe('Comments are closed.')
    expect(await page.locator('#respond form').count()).toBe(0)
    expect(await page.locator('.comment-reply').count()).toBe(0)
    expect(await page.locator('.comment-list > li').count()).toBeGreaterThan(0)
    await page.close()
  })
})
