import type { Browser, Page } from 'playwright-core'

import { DEMO_POSTS } from '@/seed/demoContent'

import { eventually, signInToAdmin } from '../helpers/adminSession'
import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

const PASSWORD = 'e2e-queue-password'
// Two open posts with no pending comments of their own in the demo content.
const [BULK_POST, LINK_POST] = DEMO_POSTS.filter(
  (p) =>
    !p.archived && p.commentStatus === 'open' && p.comments.every((c) => c.status !== 'pending'),
)
const BULK = 45
const ANSWERED = {
  authorName: 'Parent Reader',
  body: 'Is the ramp at Lock 14 open to boat trailers this spring, or only to cars?',
}
const LINK_FARM = 'I found a cheap casino at https://casino.example/win and www.spin.example today'

let app: AppProcess
let browser: Browser
let adminToken: string
let moderator: Page
const postIds: Record<string, number> = {}

async function rest(path: string, init: { method?: string; json?: unknown } = {}) {
  const res = await fetch(`${app.baseUrl}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', authorization: `JWT ${adminToken}` },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  })
  return { status: res.status, body: await res.json() }
}

async function submit(
  post: number,
  authorName: string,
  authorEmail: string,
  body: string,
  parent?: number,
) {
  const res = await fetch(`${app.baseUrl}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ post, authorName, authorEmail, body, parent }),
  })
  expect(res.status).toBe(201)
}

async function storedStatus(authorName: string): Promise<string> {
  const { body } = await rest(
    `/comments?where[authorName][equals]=${encodeURIComponent(authorName)}`,
  )
  return body.docs[0].status
}

async function pendingOn(post: number): Promise<number> {
  const where = `where[post][equals]=${post}&where[status][equals]=pending&limit=1`
  return (await rest(`/comments?${where}`)).body.totalDocs
}

const open = (query: string) => moderator.goto(`${app.baseUrl}/admin/moderation?${query}`)
const rows = (page: Page) => page.locator('article.moderation__comment')
const row = (page: Page, authorName: string) =>
  page.getByRole('article', { name: authorName, exact: true })
const announcement = (page: Page, text: string) =>
  page.locator('.moderation__announcement', { hasText: text }).waitFor({ timeout: 20_000 })

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
  const login = await fetch(`${app.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.gov', password: PASSWORD }),
  }).then((r) => r.json())
  adminToken = login.token
  const saved = await rest('/globals/site-settings', {
    method: 'POST',
    json: { floodIntervalSeconds: 0, moderationMode: 'all', moderationWords: 'casino' },
  })
  expect(saved.status).toBe(200)
  for (const post of [BULK_POST, LINK_POST]) {
    const { body } = await rest(`/posts?where[slug][equals]=${post.slug}&depth=0`)
    postIds[post.slug] = body.docs[0].id
  }
  for (let i = 1; i <= BULK; i++) {
    await submit(postIds[BULK_POST.slug], `Bulk Reader ${i}`, `bulk-${i}@example.org`, `Bulk ${i}.`)
  }
  await submit(postIds[LINK_POST.slug], 'Link Farmer', 'farmer@spam.example', LINK_FARM)
  await submit(postIds[LINK_POST.slug], 'Quiet Reader', 'quiet@example.org', 'When is it open?')
  await submit(postIds[LINK_POST.slug], ANSWERED.authorName, 'parent@example.org', ANSWERED.body)
  const answered = encodeURIComponent(ANSWERED.authorName)
  const { body: parent } = await rest(`/comments?where[authorName][equals]=${answered}`)
  const approved = await rest(`/comments/${parent.docs[0].id}`, {
    method: 'PATCH',
    json: { status: 'approved' },
  })
  expect(approved.status).toBe(200)
  await submit(
    postIds[LINK_POST.slug],
    'Replying Reader',
    'reply@example.org',
    'From May, I think.',
    parent.docs[0].id,
  )
  moderator = await signInToAdmin(browser, app.baseUrl, 'moderator@example.gov', PASSWORD)
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the moderation queue at volume', () => {
  it('marks links and listed words in the text, and the comment as suspicious', async () => {
    await open(`status=pending&post=${postIds[LINK_POST.slug]}`)
    const farm = row(moderator, 'Link Farmer')
    expect(await farm.locator('.moderation__suspicious').innerText()).toBe(
      'Suspicious: 2 links, listed word',
    )
    expect(
      await farm.locator('.moderation__excerpt mark.moderation__mark--link').allInnerTexts(),
    ).toEqual(['https://casino.example/win', 'www.spin.example'])
    expect(
      await farm.locator('.moderation__excerpt mark.moderation__mark--word').allInnerTexts(),
    ).toEqual(['casino'])
    expect(await row(moderator, 'Quiet Reader').locator('.moderation__suspicious').count()).toBe(0)
  })

  it("shows the parent's text under a reply, and the whole text in place on Details", async () => {
    const reply = row(moderator, 'Replying Reader')
    const parent = await reply.locator('.moderation__parent').innerText()
    expect(parent).toContain(`In reply to ${ANSWERED.authorName}: `)
    expect(parent).toContain(ANSWERED.body.slice(0, 40))
    const farm = row(moderator, 'Link Farmer')
    expect(await farm.locator('.moderation__body').isVisible()).toBe(false)
    await farm.getByRole('button', { name: 'Details' }).click()
    expect(await farm.locator('.moderation__body').innerText()).toBe(LINK_FARM)
    expect(await farm.locator('.moderation__facts').innerText()).toContain('farmer@spam.example')
    await farm.getByRole('button', { name: 'Hide details' }).click()
    expect(await farm.locator('.moderation__body').isVisible()).toBe(false)
  })

  it('confirms a bulk approve that includes suspicious comments, saying how many', async () => {
    await moderator.getByLabel('Select all on this page').check()
    await moderator.getByRole('button', { name: 'Approve selected comments' }).click()
    const dialog = moderator.getByRole('alertdialog')
    expect(await dialog.innerText()).toContain('1 of them is suspicious')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await storedStatus('Link Farmer')).toBe('pending')
  })

  it('searches text, name, email, website and IP from the address', async () => {
    await open('status=pending')
    await moderator.getByLabel('Search comments').fill('farmer@spam')
    await moderator.getByRole('button', { name: 'Filter' }).click()
    await moderator.waitForURL(/q=farmer%40spam/)
    expect(await rows(moderator).count()).toBe(1)
    await moderator.reload()
    expect(await rows(moderator).count()).toBe(1)
    expect(await moderator.getByLabel('Search comments').inputValue()).toBe('farmer@spam')
    await open('status=pending&q=127.0.0.1&size=100')
    expect(await rows(moderator).count()).toBeGreaterThanOrEqual(BULK + 2)
  })

  it('filters by post', async () => {
    await open('status=pending')
    await moderator
      .getByLabel('Post', { exact: true })
      .selectOption(String(postIds[LINK_POST.slug]))
    await moderator.getByRole('button', { name: 'Filter' }).click()
    await moderator.waitForURL(new RegExp(`post=${postIds[LINK_POST.slug]}`))
    const names = await rows(moderator).locator('h3').allInnerTexts()
    expect(names.sort()).toEqual(['Link Farmer', 'Quiet Reader', 'Replying Reader'])
  })

  it('approves with the keyboard, not while typing, and undoes it', async () => {
    await open(`status=pending&post=${postIds[LINK_POST.slug]}&sort=oldest`)
    await moderator.getByLabel('Search comments').press('a')
    await moderator.waitForTimeout(1000)
    expect(await rows(moderator).count()).toBe(3)
    expect(await storedStatus('Link Farmer')).toBe('pending')
    await moderator.locator('h1').click()
    await moderator.keyboard.press('j')
    await moderator.keyboard.press('k')
    expect(await rows(moderator).first().getAttribute('class')).toContain('is-current')
    await moderator.keyboard.press('a')
    await announcement(moderator, '1 comment approved.')
    await row(moderator, 'Link Farmer').waitFor({ state: 'detached' })
    expect(await storedStatus('Link Farmer')).toBe('approved')
    await moderator.keyboard.press('z')
    await announcement(moderator, 'Undone: 1 comment back to their earlier status.')
    await row(moderator, 'Link Farmer').waitFor()
    expect(await storedStatus('Link Farmer')).toBe('pending')
    await moderator.keyboard.press('?')
    expect(await moderator.locator('#moderation-shortcuts').innerText()).toContain('Undo')
  })

  it('approves all 45 matching comments across pages after a confirmation', async () => {
    const post = postIds[BULK_POST.slug]
    await open(`status=pending&post=${post}&size=20`)
    expect(await rows(moderator).count()).toBe(20)
    await moderator.getByLabel('Select all on this page').check()
    await moderator.getByRole('button', { name: `Select all ${BULK} comments matching` }).click()
    await moderator.getByRole('button', { name: 'Approve selected comments' }).click()
    const dialog = moderator.getByRole('alertdialog')
    expect(await dialog.innerText()).toContain(`Approve: all ${BULK} comments matching?`)
    await dialog.getByRole('button', { name: `Approve ${BULK} comments` }).click()
    await announcement(moderator, `${BULK} comments approved.`)
    await eventually('the post has no pending comments', async () => (await pendingOn(post)) === 0)
    expect(await storedStatus('Bulk Reader 1')).toBe('approved')
    const audit = await rest('/audit-entries?where[to][equals]=approved&limit=1')
    expect(audit.body.totalDocs).toBeGreaterThanOrEqual(BULK)
  })

  it.each([
    ['phone', 375, 800],
    ['desktop', 1280, 900],
  ])('is usable and passes axe on a %s', async (_, width, height) => {
    await moderator.setViewportSize({ width, height })
    await open('status=pending')
    await row(moderator, 'Link Farmer').getByRole('button', { name: 'Details' }).click()
    expect(await axeViolations(moderator, '.moderation')).toEqual([])
    const overflow = await moderator.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    if (width < 500) {
      const targets = moderator.locator(
        '.moderation__comment button, .moderation__check, .moderation__tab',
      )
      expect(await targets.count()).toBeGreaterThan(10)
      const small: string[] = []
      for (const box of await targets.evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent, h: el.getBoundingClientRect().height })),
      )) {
        if (box.h < 44) small.push(`${box.text}: ${box.h}px`)
      }
      expect(small).toEqual([])
    }
  })
})
