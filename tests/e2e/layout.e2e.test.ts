import type { Browser, Page } from 'playwright-core'

import { lexicalFromBlocks } from '@/seed/lexicalFromBlocks'

import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

/**
 * The public layout (issue 15, item 8): the USWDS header and its mobile menu (with and without
 * JavaScript), one centred reading column, headings below the title, 44 px targets, USWDS tables,
 * the print stylesheet, and axe at 375 and 1280 px. Demo content: src/seed/demoContent.ts.
 */
const PASSWORD = 'e2e-layout-password'
const TABLE_POST = '/posts/winter-lock-maintenance-2024-2025'
const OPEN_THREAD = '/posts/draft-recreation-safety-plan-comment'
const ARCHIVED = '/posts/lockline-text-alerts-pilot'
const PHONE = { width: 375, height: 812 }
const DESKTOP = { width: 1280, height: 900 }
/** WCAG 2.5.5's target size, in CSS pixels. */
const TARGET = 44

let app: AppProcess
let browser: Browser

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
  // The demo has nine current posts: two more give the home page a second page, and paging.
  const login = await fetch(`${app.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.gov', password: PASSWORD }),
  }).then((r) => r.json())
  const authors = await fetch(`${app.baseUrl}/api/authors?limit=1`).then((r) => r.json())
  for (const title of ['Layout one', 'Layout two']) {
    const res = await fetch(`${app.baseUrl}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${login.token}` },
      body: JSON.stringify({
        title,
        body: lexicalFromBlocks([{ type: 'paragraph', text: `${title}: a short post.` }]),
        authors: [authors.docs[0].id],
        publishedAt: '2009-06-01T12:00:00.000Z',
        _status: 'published',
      }),
    })
    expect(res.status).toBe(201)
  }
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport })
  const response = await page.goto(`${app.baseUrl}${path}`)
  expect(response?.status()).toBe(200)
  return page
}

/** Width and height of every element the selector matches. */
const boxes = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect()
      return { text: (element.textContent ?? '').trim(), width: box.width, height: box.height }
    }),
  )

/** USWDS slides the panel in from the right: wait until it is in place. */
const slidIn = (page: Page) =>
  page.waitForFunction(() =>
    document
      .getElementById('site-nav')!
      .getAnimations()
      .every((animation) => animation.playState === 'finished'),
  )

const tooSmall = (found: { width: number; height: number }[]) =>
  found.filter((box) => box.width < TARGET || box.height < TARGET)

describe('the header on a phone (375 px)', () => {
  it('folds the navigation behind a Menu button that opens and closes it', async () => {
    const page = await open('/', PHONE)
    const menu = page.locator('button.usa-menu-btn')
    await menu.waitFor({ state: 'visible' })
    const nav = page.locator('#site-nav')
    expect(await nav.isVisible()).toBe(false)
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    // The site's name stays on one line beside the button.
    const name = (await page.locator('.usa-logo__text').boundingBox())!
    expect(name.height).toBeLessThan(30)

    await menu.click()
    await nav.waitFor({ state: 'visible' })
    await slidIn(page)
    expect(await menu.getAttribute('aria-expanded')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('usa-nav__close')
    const links = await boxes(page, '#site-nav .usa-nav__primary a')
    expect(links.map((link) => link.text)).toEqual(['Latest', 'Archive', 'RSS feed'])
    expect(tooSmall(links)).toEqual([])
    // Every link is on screen, inside the panel.
    for (const link of await page.locator('#site-nav .usa-nav__primary a').all()) {
      const box = (await link.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
    }
    expect(tooSmall(await boxes(page, '#site-nav .usa-nav__close'))).toEqual([])

    await page.click('#site-nav .usa-nav__close')
    await nav.waitFor({ state: 'hidden' })
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('usa-menu-btn')

    // Escape closes it too, and the overlay beside the panel.
    await menu.click()
    await nav.waitFor({ state: 'visible' })
    await page.keyboard.press('Escape')
    await nav.waitFor({ state: 'hidden' })
    await menu.click()
    await nav.waitFor({ state: 'visible' })
    await page.mouse.click(20, PHONE.height / 2)
    await nav.waitFor({ state: 'hidden' })

    // A link in the panel goes where it says.
    await menu.click()
    await page.click('#site-nav a:has-text("Archive")')
    await page.waitForURL(`${app.baseUrl}/archive`)
    await page.close()
  })

  it('without JavaScript, Menu is a link that opens the panel, and its links work', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    const nav = page.locator('#site-nav')
    expect(await nav.isVisible()).toBe(false)
    await page.click('a.usa-menu-btn')
    await nav.waitFor({ state: 'visible' })
    await page.click('#site-nav a:has-text("Archive")')
    await page.waitForURL(`${app.baseUrl}/archive`)
    await context.close()
  })
})

describe('the header on a desktop (1280 px)', () => {
  it('shows the navigation without a menu button, each link a 44 px target', async () => {
    const page = await open('/archive', DESKTOP)
    await page.locator('button.usa-menu-btn').waitFor({ state: 'attached' })
    expect(await page.locator('.usa-menu-btn').isVisible()).toBe(false)
    expect(await page.locator('#site-nav').isVisible()).toBe(true)
    expect(tooSmall(await boxes(page, '#site-nav .usa-nav__primary a'))).toEqual([])
    expect(await page.getAttribute('#site-nav a[aria-current="page"]', 'href')).toBe('/archive')
    await page.close()
  })
})

describe('the reading column', () => {
  it('is centred at 1280 px, and paragraphs, headings, tables and comments share one measure', async () => {
    const measured: Record<string, { left: number; right: number; width: number }[]> = {}
    for (const [path, selectors] of [
      [
        TABLE_POST,
        ['.post-body > p', '.post-body > h2', '.post-body .usa-table-container--scrollable'],
      ],
      [OPEN_THREAD, ['.post-body > p', '.comments > .comment-list > .comment', '.comments > h2']],
    ] as const) {
      const page = await open(path, DESKTOP)
      for (const selector of selectors) {
        measured[`${path} ${selector}`] = await page.$$eval(selector, (elements) =>
          elements.map((element) => {
            const box = element.getBoundingClientRect()
            const viewport = document.documentElement.clientWidth
            return { left: box.left, right: viewport - box.right, width: box.width }
          }),
        )
      }
      await page.close()
    }
    const all = Object.values(measured).flat()
    for (const [what, found] of Object.entries(measured)) {
      expect([what, found.length > 0]).toEqual([what, true])
    }
    const width = all[0].width
    // About 75 characters: wider than USWDS's 68ex paragraphs (560 px), narrower than 800 px.
    expect(width).toBeGreaterThan(600)
    expect(width).toBeLessThan(800)
    for (const box of all) {
      expect(Math.abs(box.width - width)).toBeLessThanOrEqual(1)
      expect(Math.abs(box.left - box.right)).toBeLessThanOrEqual(2)
    }
  })

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('sets a post’s headings clearly below its title, in one family (%s)', async (_, viewport) => {
    const page = await open(TABLE_POST, viewport)
    const fonts = await page.evaluate(() => {
      const font = (selector: string) => {
        const style = getComputedStyle(document.querySelector(selector)!)
        return { size: parseFloat(style.fontSize), family: style.fontFamily }
      }
      return {
        title: font('main h1'),
        h2: font('.post-body > h2'),
        h3: font('.post-body > h3'),
        text: font('.post-body > p'),
      }
    })
    expect(fonts.h2.size * 1.2).toBeLessThan(fonts.title.size)
    expect(fonts.h3.size).toBeLessThan(fonts.h2.size)
    expect(fonts.h3.size).toBeGreaterThanOrEqual(fonts.text.size * 0.9)
    expect(new Set([fonts.title, fonts.h2, fonts.h3, fonts.text].map((f) => f.family)).size).toBe(1)
    expect(fonts.title.family).toMatch(/^"?Source Sans Pro Web/)
    await page.close()
  })
})

describe('targets of at least 44 by 44 px', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('Reply, buttons, page numbers, Previous and Next (%s)', async (name, viewport) => {
    const thread = await open(OPEN_THREAD, viewport)
    const replies = await boxes(thread, '.comment-reply a')
    expect(replies.length).toBeGreaterThan(0)
    expect(tooSmall(replies)).toEqual([])
    const buttons = await boxes(thread, '.comment-form button[type="submit"], .usa-banner__button')
    expect(buttons).toHaveLength(2)
    expect(tooSmall(buttons)).toEqual([])
    if (name === 'phone') expect(tooSmall(await boxes(thread, 'button.usa-menu-btn'))).toEqual([])
    await thread.close()
    // USWDS shows Previous and Next from tablet width up; a phone pages by number.
    const first = await open('/', viewport)
    const paging = (await boxes(first, '.usa-pagination a')).filter((box) => box.width > 0)
    expect(paging.map((link) => link.text)).toEqual(
      name === 'phone' ? ['1', '2'] : ['1', '2', 'Next'],
    )
    expect(tooSmall(paging)).toEqual([])
    await first.close()
    const second = await open('/?page=2', viewport)
    const back = (await boxes(second, '.usa-pagination a')).filter((box) => box.width > 0)
    expect(back.length).toBeGreaterThan(1)
    expect(tooSmall(back)).toEqual([])
    await second.close()
  })
})

describe('tables in a post', () => {
  it('are USWDS tables with a header row, scrolling inside their container on a phone', async () => {
    const page = await open(TABLE_POST, PHONE)
    const table = await page.$eval('.post-body table', (element) => ({
      className: element.className,
      container: element.parentElement!.className,
      focusable: element.parentElement!.tabIndex,
      headers: [...element.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
      bodyRows: element.querySelectorAll('tbody tr').length,
      inlineStyles: element.querySelectorAll('[style]').length,
      scrolls: element.parentElement!.scrollWidth > element.parentElement!.clientWidth,
    }))
    expect(table).toEqual({
      className: 'usa-table',
      container: 'usa-table-container--scrollable',
      focusable: 0,
      headers: ['col', 'col', 'col', 'col'],
      bodyRows: 6,
      inlineStyles: 0,
      scrolls: true,
    })
    // The table scrolls, not the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    )
    await page.close()
  })
})

describe('printing', () => {
  it('leaves out the navigation, banner and comment form, in black on white, with link addresses', async () => {
    const page = await open(OPEN_THREAD, DESKTOP)
    await page.emulateMedia({ media: 'print' })
    for (const selector of ['#site-nav', '.usa-banner', '.usa-menu-btn', '.comment-form']) {
      expect([selector, await page.locator(selector).isVisible()]).toEqual([selector, false])
    }
    expect(await page.locator('.post-body').isVisible()).toBe(true)
    expect(await page.locator('.comments').isVisible()).toBe(true)
    const printed = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('.post-body a[href^="http"]')!
      return {
        after: getComputedStyle(link, '::after').content,
        href: link.getAttribute('href'),
        text: getComputedStyle(document.querySelector('.post-body p')!).color,
        background: getComputedStyle(document.body).backgroundColor,
      }
    })
    expect(printed.after).toBe(`" (${printed.href})"`)
    expect(printed.text).toBe('rgb(0, 0, 0)')
    expect(printed.background).toMatch(/^rgba?\((255, 255, 255|0, 0, 0, 0)/)
    await page.emulateMedia({ media: 'screen' })
    expect(await page.locator('.comment-form').isVisible()).toBe(true)
    await page.close()
  })
})

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('WCAG 2.1 AA with axe-core (%s)', (_, viewport) => {
  it.each([
    ['home page', '/'],
    ['post with an image and a table', TABLE_POST],
    ['archived post', ARCHIVED],
  ])('reports no violations on the %s', async (_label, path) => {
    const page = await open(path, viewport)
    await page.locator('button.usa-menu-btn').waitFor({ state: 'attached' })
    expect(await axeViolations(page, 'body')).toEqual([])
    await page.close()
  })
})

it('reports no axe violations with the menu open on a phone', async () => {
  const page = await open(TABLE_POST, PHONE)
  await page.click('button.usa-menu-btn')
  await page.locator('#site-nav').waitFor({ state: 'visible' })
  expect(await axeViolations(page, 'body')).toEqual([])
  await page.close()
})
