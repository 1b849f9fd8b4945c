import type { Browser, Page } from 'playwright-core'

import { DEMO_ACCOUNTS } from '@/seed/demoAccounts'

import { startApp, type AppProcess } from '../helpers/appProcess'
import { launchBrowser } from '../helpers/browser'

const PASSWORD = 'e2e-admin-password'

let app: AppProcess
let browser: Browser

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function signIn(email: string): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`${app.baseUrl}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'), { timeout: 30_000 })
  return page
}

/** The collection list's "Create new" link, present only when the role may create. */
async function canCreateFromList(page: Page, slug: string): Promise<boolean> {
  await page.goto(`${app.baseUrl}/admin/collections/${slug}`)
  await page.waitForSelector('.collection-list, .list-header', { timeout: 30_000 })
  return (await page.locator(`a[href="/admin/collections/${slug}/create"]`).count()) > 0
}

describe('admin panel in Chromium', () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a.email]))(
    'lets the %s sign in and reach the dashboard',
    async (_role, email) => {
      const page = await signIn(email)
      const nav = page.locator('nav.nav__wrap')
      await nav.waitFor({ timeout: 30_000 })
      expect(await nav.innerText()).toMatch(/Posts/)
      expect(new URL(page.url()).pathname).toBe('/admin')
      await page.close()
    },
  )

  it('loads the dashboard with nothing from other sites and no policy violation (no Gravatar)', async () => {
    const page = await browser.newPage()
    const violations: string[] = []
    const elsewhere: string[] = []
    await page.exposeFunction('reportViolation', (detail: string) => violations.push(detail))
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(d: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    )
    page.on('request', (request) => {
      if (!request.url().startsWith(app.baseUrl) && !request.url().startsWith('data:')) {
        elsewhere.push(request.url())
      }
    })
    await page.goto(`${app.baseUrl}/admin/login`)
    await page.fill('input[name="email"]', 'editor@example.gov')
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'), { timeout: 30_000 })
    await page.locator('nav.nav__wrap').waitFor({ timeout: 30_000 })
    await page.waitForLoadState('networkidle')
    expect({ violations, elsewhere }).toEqual({ violations: [], elsewhere: [] })
    await page.close()
  })

  it('offers "Create new" on posts to an editor and an author, not to a moderator', async () => {
    for (const [email, expected] of [
      ['editor@example.gov', true],
      ['author@example.gov', true],
      ['moderator@example.gov', false],
    ] as const) {
      const page = await signIn(email)
      expect(await canCreateFromList(page, 'posts')).toBe(expected)
      await page.close()
    }
  })

  it('offers "Create new" on staff accounts to the admin only', async () => {
    const admin = await signIn('admin@example.gov')
    expect(await canCreateFromList(admin, 'users')).toBe(true)
    await admin.close()
    const editor = await signIn('editor@example.gov')
    expect(await canCreateFromList(editor, 'users')).toBe(false)
    await editor.close()
  })

  it('refuses a wrong password and stays on the login page', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.baseUrl}/admin/login`)
    await page.fill('input[name="email"]', 'admin@example.gov')
    await page.fill('input[name="password"]', 'not-the-password')
    await page.click('button[type="submit"]')
    await page.waitForTimeout(1500)
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    await page.close()
  })
})

describe('search and sharing fields on a post', () => {
  it('previews the search result as the editor types, falling back to the title and excerpt', async () => {
    const page = await signIn('editor@example.gov')
    await page.goto(`${app.baseUrl}/admin/collections/posts/create`)
    await page.fill('input[name="title"]', 'Spring lock closures')
    await page.fill('textarea[name="excerpt"]', 'Which locks close in April, and for how long.')
    await page
      .getByRole('tab', { name: 'SEO' })
      .or(page.locator('button', { hasText: /^SEO$/ }))
      .first()
      .click()
    const preview = page.locator('.seo-preview__card')
    await preview.waitFor({ timeout: 30_000 })
    await expect(preview.locator('.seo-preview__title').textContent()).resolves.toBe(
      'Spring lock closures',
    )
    expect(await preview.locator('.seo-preview__description').textContent()).toBe(
      'Which locks close in April, and for how long.',
    )
    await page.fill('input[name="meta.title"]', 'April lock closures at a glance')
    await page.fill('textarea[name="meta.description"]', 'Dates and detours for each lock.')
    await page.waitForFunction(
      () =>
        document.querySelector('.seo-preview__title')?.textContent ===
        'April lock closures at a glance',
    )
    expect(await preview.locator('.seo-preview__description').textContent()).toBe(
      'Dates and detours for each lock.',
    )
    expect(await page.locator('.seo-preview__counts').textContent()).toMatch(
      /Title: 31 characters\. Description: 32 characters\./,
    )
    await page.close()
  })
})
