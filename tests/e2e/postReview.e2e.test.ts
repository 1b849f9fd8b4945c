import type { Browser, Page } from 'playwright-core'

import { DEMO_POSTS } from '@/seed/demoContent'

import { signInToAdmin } from '../helpers/adminSession'
import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

const PASSWORD = 'e2e-review-password'
const TITLE = 'Draft for review: culvert replacement'
const ARCHIVED = DEMO_POSTS.find((post) => post.archived)!
const PHONE = { width: 375, height: 800 }
const DESKTOP = { width: 1280, height: 900 }
const OUR_BLOCK_CELLS = ['value', 'kind', 'reason', 'blockedByName', 'until', 'lifted']
  .map((field) => `td.cell-${field}`)
  .join(', ')

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

/** The post list's row for a title. */
const row = (page: Page, title: string) => page.locator('tbody tr', { hasText: title })

describe('review workflow in Chromium', () => {
  let postUrl = ''

  it('gives an author Submit for review, not a Publish button that fails', async () => {
    const author = await signInToAdmin(browser, app.baseUrl, 'author@example.gov', PASSWORD)
    await author.goto(`${app.baseUrl}/admin/collections/posts/create`)
    await author.locator('#field-title').fill(TITLE)
    await author.locator('#action-save-draft').click()
    await author.waitForURL((url) => /\/admin\/collections\/posts\/\d+/.test(url.pathname), {
      timeout: 30_000,
    })
    postUrl = author.url()

    const submit = author.locator('#action-submit-for-review')
    await submit.waitFor({ timeout: 30_000 })
    // Payload's Publish button is #action-save; an author no longer has one.
    expect(await author.locator('#action-save').count()).toBe(0)
    expect(await author.getByRole('button', { name: /publish/i }).count()).toBe(0)

    for (const viewport of [PHONE, DESKTOP]) {
      await author.setViewportSize(viewport)
      // Our button only: the rest of the controls are Payload's.
      expect(await axeViolations(author, '#action-submit-for-review')).toEqual([])
    }

    await submit.click()
    await author.getByText('Submitted for review.').waitFor({ timeout: 20_000 })
    await author.getByRole('button', { name: 'Waiting for review' }).waitFor({ timeout: 20_000 })
    await author.close()
  })

  it('shows the editor the draft waiting for review in the posts list', async () => {
    const editor = await signInToAdmin(browser, app.baseUrl, 'editor@example.gov', PASSWORD)
    await editor.goto(
      `${app.baseUrl}/admin/collections/posts?where[reviewStatus][equals]=submitted`,
    )
    const waiting = row(editor, TITLE)
    await waiting.waitFor({ timeout: 30_000 })
    expect(await waiting.innerText()).toContain('Waiting for review')
    expect(await editor.locator('tbody tr').count()).toBe(1)

    const count = await editor.evaluate(async () => {
      const res = await fetch('/api/posts/review-count')
      return (await res.json()) as { waiting: number }
    })
    expect(count).toEqual({ waiting: 1 })

    // The editor still publishes with Payload's own button.
    await editor.goto(postUrl)
    await editor.locator('#action-save').waitFor({ timeout: 30_000 })
    expect(await editor.locator('#action-submit-for-review').count()).toBe(0)
    await editor.close()
  })

  it('shows words, not true/false, in the posts list', async () => {
    const editor = await signInToAdmin(browser, app.baseUrl, 'editor@example.gov', PASSWORD)
    await editor.goto(`${app.baseUrl}/admin/collections/posts?limit=100`)
    const archived = row(editor, ARCHIVED.title)
    await archived.waitFor({ timeout: 30_000 })
    expect(await archived.innerText()).toContain('Archived')
    const table = await editor.locator('table').innerText()
    expect(table).not.toMatch(/\b(true|false)\b/)
    // Drafts are not pushed to the end: the one just submitted is on the first page.
    expect(await row(editor, TITLE).count()).toBe(1)
    await editor.close()
  })
})

describe('commenter blocks in Chromium', () => {
  it('lets a moderator block a commenter from the queue; the blocks list says who and until when', async () => {
    const moderator = await signInToAdmin(browser, app.baseUrl, 'moderator@example.gov', PASSWORD)
    await moderator.goto(`${app.baseUrl}/admin/moderation?status=pending`)
    const first = moderator.locator('.block-commenter').first()
    await first.getByRole('button', { name: 'Block commenter' }).click()
    await first.getByLabel('IP address').check()
    await first.getByLabel(/^Reason/).fill('Repeated abuse')

    for (const viewport of [PHONE, DESKTOP]) {
      await moderator.setViewportSize(viewport)
      expect(await axeViolations(moderator, '.block-commenter')).toEqual([])
    }

    await first.getByRole('button', { name: 'Block', exact: true }).click()
    await first.getByText(/^Blocked /).waitFor({ timeout: 20_000 })

    await moderator.goto(`${app.baseUrl}/admin/collections/commenter-blocks`)
    const block = moderator.locator('tbody tr', { hasText: 'Repeated abuse' })
    await block.waitFor({ timeout: 30_000 })
    const text = await block.innerText()
    expect(text).toContain('IP address')
    expect(text).toContain('moderator@example.gov')
    expect(text).toContain('—')
    expect(text).not.toMatch(/\b(true|false)\b|<No /)
    for (const viewport of [PHONE, DESKTOP]) {
      await moderator.setViewportSize(viewport)
      // Our cells only: the table's headers and row checkboxes are Payload's.
      expect(await axeViolations(moderator, OUR_BLOCK_CELLS)).toEqual([])
    }
    await moderator.close()
  })
})
