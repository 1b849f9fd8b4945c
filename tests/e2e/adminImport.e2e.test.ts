import path from 'node:path'

import type { Browser } from 'playwright-core'

import { signInToAdmin } from '../helpers/adminSession'
import { axeViolations } from '../helpers/axe'
import { startApp, type AppProcess } from '../helpers/appProcess'
import { launchBrowser } from '../helpers/browser'

/**
 * What an admin does on /admin/import: chooses the export, checks it (the dry run's summary),
 * imports it, watches the progress and reads the summary; the posts are then on the site. An
 * editor gets the refusal and no form.
 */

const PASSWORD = 'e2e-admin-import-password'
const fixture = path.join(process.cwd(), 'tests/fixtures/wxr/blog-1.2.xml')
const NEW_PATH = '/posts/lock-4-gate-replacement-what-river-traffic-should-expect'

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

describe('/admin/import in Chromium', () => {
  it('checks the export, imports it with its progress, and shows the summary', async () => {
    const page = await signInToAdmin(browser, app.baseUrl, 'admin@example.gov', PASSWORD)
    // The nav is closed (inert) at first; its links are still in the page.
    expect(await page.locator('#nav-import').getAttribute('href')).toBe('/admin/import')
    await page.goto(`${app.baseUrl}/admin/import`)
    await page.getByRole('heading', { name: 'Import a WordPress blog' }).waitFor()

    const importButton = page.getByRole('button', { name: 'Import', exact: true })
    await page.getByLabel('WordPress export (.xml)').setInputFiles(fixture)
    await page.getByLabel('Archive every imported post').check()
    expect(await importButton.isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Check the file' }).click()
    const check = page.getByRole('region', { name: /Check of blog-1\.2\.xml/ })
    await check.waitFor({ timeout: 60_000 })
    expect(await check.innerText()).toMatch(/posts\s+7 would be created/)
    expect(await check.innerText()).toMatch(/comments\s+15 would be created/)
    expect(await axeViolations(page, '.wxr-import')).toEqual([])

    await importButton.click()
    // The fixture takes a few seconds to import: the first answer shows the bar.
    const progress = page.getByLabel(/posts \d+ of 7, comments \d+ of 18|Reading the file/)
    await progress.waitFor({ timeout: 10_000 })
    const done = page.getByRole('region', { name: 'Imported blog-1.2.xml' })
    await done.waitFor({ timeout: 60_000 })
    expect(await done.innerText()).toMatch(/posts\s+7 created, 0 updated, 0 unchanged, 0 failed/)
    expect(await done.innerText()).toMatch(/comments\s+15 created/)
    expect(await axeViolations(page, '.wxr-import')).toEqual([])
    await page.close()

    const html = await (await fetch(`${app.baseUrl}${NEW_PATH}`)).text()
    expect(html).toContain('Comments are closed.')
  })

  it('shows an editor the refusal, not the form', async () => {
    const page = await signInToAdmin(browser, app.baseUrl, 'editor@example.gov', PASSWORD)
    expect(await page.locator('#nav-import').count()).toBe(0)
    await page.goto(`${app.baseUrl}/admin/import`)
    await page.getByText('Only admins can import.').waitFor()
    expect(await page.getByLabel('WordPress export (.xml)').count()).toBe(0)
    await page.close()
  })
})
