import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { startApp, type AppProcess } from '../helpers/appProcess'
import { launchBrowser } from '../helpers/browser'

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')
/** Written by the tests, ignored by git: look at them after a run. */
const SCREENSHOTS = path.resolve('test-results/screenshots')

const PAGES: [string, string][] = [
  ['home page', '/'],
  ['archive index', '/archive'],
  ['archived post', '/posts/lockline-text-alerts-pilot'],
  ['post with an open thread and the form', '/posts/draft-recreation-safety-plan-comment'],
  ['post with a closed thread', '/posts/cedar-landing-listening-sessions'],
  ['author page', '/authors/warren-tillman'],
  ['404 page', '/posts/no-such-post'],
  ['404 page for an address no route claims', '/no/such/page'],
]
const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
}

let app: AppProcess
let browser: Browser

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: 'e2e-accessibility-password' })
  browser = await launchBrowser()
  mkdirSync(SCREENSHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: AXE })
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as AxeResult
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

describe.each(Object.entries(VIEWPORTS))('WCAG 2.1 AA with axe-core, %s', (name, viewport) => {
  it.each(PAGES)('reports no violations on the %s', async (_label, url) => {
    const page = await browser.newPage({ viewport })
    const response = await page.goto(`${app.baseUrl}${url}`)
    const missing = url === '/posts/no-such-post' || url === '/no/such/page'
    expect(response?.status()).toBe(missing ? 404 : 200)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await axeViolations(page)).toEqual([])
    if (url === '/' || url === '/posts/lockline-text-alerts-pilot') {
      const file = `${url === '/' ? 'home' : 'archived-post'}-${name}.png`
      await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true })
    }
    await page.close()
  })
})

describe('keyboard use', () => {
  it('reaches the skip link first, and it moves focus to the main content', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop })
    await page.goto(`${app.baseUrl}/`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    )
    // USWDS slides the link into view when it takes focus.
    await page.waitForFunction(() => {
      const box = (document.activeElement as HTMLElement).getBoundingClientRect()
      return box.top >= 0 && box.height > 0
    })
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.id === 'main-content')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true)
    await page.close()
  })

  it('shows where the focus is', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop })
    await page.goto(`${app.baseUrl}/`)
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as HTMLElement)
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
    })
    expect(outline.style).not.toBe('none')
    expect(outline.width).toBeGreaterThanOrEqual(2)
    await page.close()
  })

  it('tabs through the comment form in order, skipping the hidden honeypot, and submits', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop })
    await page.goto(`${app.baseUrl}/posts/draft-recreation-safety-plan-comment`)
    await page.focus('#comment-authorName')
    const order: string[] = []
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab')
      order.push(
        await page.evaluate(
          () =>
            (document.activeElement as HTMLElement).id ||
            (document.activeElement as HTMLElement).tagName,
        ),
      )
    }
    expect(order).toEqual(['comment-authorEmail', 'comment-authorUrl', 'comment-body', 'BUTTON'])
    await page.keyboard.press('Enter')
    await page.waitForSelector('#respond [role="alert"]')
    await page.close()
  })
})
