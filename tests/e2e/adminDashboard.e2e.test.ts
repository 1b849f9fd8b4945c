import type { Browser, Page } from 'playwright-core'

import { DEMO_POSTS } from '@/seed/demoContent'

import { eventually, signInToAdmin } from '../helpers/adminSession'
import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

/**
 * The dashboard a moderator lands on: the moderation card (counts by status, the oldest pending
 * comment's age in the agency's time zone, the way to the queue), the navigation open on a wide
 * screen and still collapsible, axe-clean on a phone and a desktop.
 */

const PASSWORD = 'e2e-dashboard-password'
const PENDING = DEMO_POSTS.flatMap((post) => post.comments).filter((c) => c.status === 'pending')
const WIDE = { width: 1440, height: 900 }

let app: AppProcess
let browser: Browser
let adminToken: string

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
  // The agency's zone, set as an admin would over the API.
  const login = await fetch(`${app.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.gov', password: PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  adminToken = token
  const saved = await fetch(`${app.baseUrl}/api/globals/site-settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ timeZone: 'America/New_York' }),
  })
  expect(saved.status).toBe(200)
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const card = (page: Page) => page.getByRole('region', { name: 'Comments' })
const navOpen = (page: Page) =>
  page.evaluate(() => document.querySelector('.template-default--nav-open') !== null)

describe('the admin dashboard in Chromium', () => {
  it('shows a moderator the moderation card and an open navigation at 1440 px', async () => {
    const page = await signInToAdmin(browser, app.baseUrl, 'moderator@example.gov', PASSWORD, WIDE)
    await page.goto(`${app.baseUrl}/admin`)
    await card(page).waitFor()
    const text = await card(page).innerText()
    expect(text).toMatch(new RegExp(`${PENDING.length}\\s+Pending`))
    expect(text).toMatch(/\d+\s+Approved/)
    expect(text).toMatch(
      /The oldest pending comment has waited \d+ (minute|hour|day)s? \(since \w{3} \d+, \d{4}, \d+:\d\d [AP]M E[SD]T\)/,
    )
    const pendingLink = card(page).getByRole('link', {
      name: new RegExp(`${PENDING.length} Pending`),
    })
    expect(await pendingLink.getAttribute('href')).toBe('/admin/moderation?status=pending')
    await card(page).getByRole('link', { name: 'Open the moderation queue' }).click()
    await page.waitForURL(/\/admin\/moderation\?status=pending$/)

    await page.goto(`${app.baseUrl}/admin`)
    await eventually('the nav opens', () => navOpen(page))
    expect(await page.locator('#nav-moderation').isVisible()).toBe(true)
    await page.close()
  })

  it('keeps the navigation collapsible on a wide screen, and remembers it closed', async () => {
    const page = await signInToAdmin(browser, app.baseUrl, 'moderator@example.gov', PASSWORD, WIDE)
    await page.goto(`${app.baseUrl}/admin`)
    await eventually('the nav opens', () => navOpen(page))
    await page.getByRole('button', { name: 'Close Menu' }).first().click()
    await eventually('the nav closes', async () => !(await navOpen(page)))
    // The preference is saved in the background: give it a moment, then load a page afresh.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await page.goto(`${app.baseUrl}/admin/collections/posts`)
    await page.getByRole('heading', { name: 'Posts' }).first().waitFor()
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(await navOpen(page)).toBe(false)

    await page.getByRole('button', { name: 'Open Menu' }).first().click()
    await eventually('the nav opens again', () => navOpen(page))
    await page.close()
  })

  it('shows times in the agency zone in the moderation queue and the audit trail alike', async () => {
    const page = await signInToAdmin(browser, app.baseUrl, 'moderator@example.gov', PASSWORD, WIDE)
    const stamp = /\w{3} \d+, \d{4}, \d+:\d\d [AP]M E[SD]T/
    await page.goto(`${app.baseUrl}/admin/moderation?status=pending`)
    await page.getByRole('article').first().waitFor()
    expect(await page.getByRole('article').first().innerText()).toMatch(stamp)
    // The settings change of beforeAll is on the audit trail; its date cell links to the entry.
    await page.goto(`${app.baseUrl}/admin/collections/audit-entries`)
    const firstDate = page.locator('td.cell-createdAt').first()
    await firstDate.waitFor()
    expect(await firstDate.innerText()).toMatch(stamp)
    expect(await firstDate.locator('a').getAttribute('href')).toMatch(
      /^\/admin\/collections\/audit-entries\/\d+$/,
    )
    await page.close()
  })

  it('dates a post on the public pages in the agency zone', async () => {
    const post = DEMO_POSTS.find((p) => !p.archived)!
    const found = await fetch(
      `${app.baseUrl}/api/posts?where[slug][equals]=${post.slug}&depth=0`,
    ).then((r) => r.json() as Promise<{ docs: { id: number }[] }>)
    // 02:30 UTC on March 1 is the evening of February 28 in New York.
    const saved = await fetch(`${app.baseUrl}/api/posts/${found.docs[0].id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${adminToken}` },
      body: JSON.stringify({ publishedAt: '2026-03-01T02:30:00.000Z' }),
    })
    expect(saved.status).toBe(200)
    const html = await fetch(`${app.baseUrl}/posts/${post.slug}`).then((r) => r.text())
    expect(html).toMatch(/<time dateTime="2026-03-01T02:30:00.000Z">February 28, 2026<\/time>/)
  })

  it('is hidden from an author', async () => {
    const page = await signInToAdmin(browser, app.baseUrl, 'author@example.gov', PASSWORD, WIDE)
    await page.goto(`${app.baseUrl}/admin`)
    await page.locator('.dashboard').first().waitFor()
    expect(await card(page).count()).toBe(0)
    await page.close()
  })

  it.each([
    ['phone', { width: 375, height: 812 }],
    ['desktop', { width: 1280, height: 900 }],
  ])('passes axe-core (WCAG 2.1 AA) on a %s', async (_, viewport) => {
    const page = await signInToAdmin(
      browser,
      app.baseUrl,
      'moderator@example.gov',
      PASSWORD,
      viewport,
    )
    await page.goto(`${app.baseUrl}/admin`)
    await card(page).waitFor()
    expect(await axeViolations(page, '.moderation-card')).toEqual([])
    if (viewport.width < 1024) {
      // On a phone the menu covers the page: it stays closed until asked for.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await navOpen(page)).toBe(false)
    }
    await page.close()
  })
})
