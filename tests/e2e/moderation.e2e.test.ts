import fs from 'node:fs/promises'

import type { Browser, Page } from 'playwright-core'

import { DEMO_POSTS } from '@/seed/demoContent'

import { eventually, signInToAdmin } from '../helpers/adminSession'
import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

/**
 * A request the signed-in page makes itself, as the admin does: the browser sends its origin
 * (Sec-Fetch-Site), without which Payload does not accept the session cookie.
 */
function fetchInPage(page: Page, path: string): Promise<{ status: number; body: any }> {
  return page.evaluate(async (url) => {
    const res = await fetch(url)
    return { status: res.status, body: await res.json() }
  }, path)
}

const PASSWORD = 'e2e-moderation-password'
const DISCUSSED = DEMO_POSTS.find((post) => post.comments.some((c) => c.status === 'pending'))!
const PENDING = DISCUSSED.comments.filter((c) => c.status === 'pending')
const [FIRST_PENDING, SECOND_PENDING] = [...PENDING].sort(
  (a, b) => b.hoursAfterPublication - a.hoursAfterPublication,
)
const QUIET_POST = DEMO_POSTS.find(
  (p) => !p.archived && p.commentStatus === 'open' && p !== DISCUSSED,
)!
const CLOSED_POST = DEMO_POSTS.find((p) => !p.archived && p.commentStatus === 'closed')!

// The server refuses a reader's comment within 15 s (site settings' default) of the last comment
// from the same address, and every request here comes from loopback, the staff reply included.
const FLOOD_WINDOW_MS = 16_000
let lastCommentAt = 0

let app: AppProcess
let browser: Browser
let moderator: Page

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
  moderator = await signInToAdmin(browser, app.baseUrl, 'moderator@example.gov', PASSWORD)
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const publicPage = (slug: string) => fetch(`${app.baseUrl}/posts/${slug}`).then((r) => r.text())
const queue = (status: string) => moderator.goto(`${app.baseUrl}/admin/moderation?status=${status}`)
const card = (page: Page, authorName: string) =>
  page.getByRole('article', { name: authorName, exact: true })
const announcement = (page: Page, text: string) =>
  page.locator('.moderation__announcement', { hasText: text }).waitFor({ timeout: 20_000 })
// The nav is closed (inert) at first; its links are still in the page.
const navLink = (page: Page, name: string) => page.getByRole('link', { name, exact: true })

async function postId(slug: string): Promise<number> {
  const res = await fetch(`${app.baseUrl}/api/posts?where[slug][equals]=${slug}&depth=0`)
  return ((await res.json()) as { docs: { id: number }[] }).docs[0].id
}

async function submitComment(post: number, body: string) {
  const wait = lastCommentAt + FLOOD_WINDOW_MS - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  return fetch(`${app.baseUrl}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ post, authorName: 'E2E Reader', authorEmail: 'e2e@example.org', body }),
  })
}

describe('moderation view', () => {
  it('shows a moderator the Moderation link with the seeded pending count', async () => {
    await queue('pending')
    const counts = await fetchInPage(moderator, '/api/comments/moderation-counts')
    expect(counts.body.pending).toBe(PENDING.length)
    const link = navLink(moderator, `Moderation (${PENDING.length} comments pending)`)
    await link.waitFor({ state: 'attached', timeout: 20_000 })
    expect(await link.count()).toBe(1)
    expect(await link.locator('.moderation-nav-link__badge').innerText()).toBe(
      String(PENDING.length),
    )
  })

  it('lists the pending comments, as text, on the Pending tab', async () => {
    const tab = moderator.getByRole('link', { name: `Pending (${PENDING.length})` })
    expect(await tab.getAttribute('aria-current')).toBe('page')
    for (const comment of PENDING) {
      const item = card(moderator, comment.authorName)
      expect(await item.count()).toBe(1)
      expect(await item.innerText()).toContain(comment.body)
      expect(await item.innerText()).toContain(comment.authorEmail)
      expect(await item.innerText()).toContain(DISCUSSED.title)
    }
    await card(moderator, FIRST_PENDING.authorName).getByRole('button', { name: 'Reply' }).click()
    expect(await axeViolations(moderator, '.moderation')).toEqual([])
  })

  it('approves a comment: it leaves Pending, the counts drop, the public post shows it', async () => {
    expect(await publicPage(DISCUSSED.slug)).not.toContain(FIRST_PENDING.body)
    await card(moderator, FIRST_PENDING.authorName)
      .getByRole('button', { name: 'Approve', exact: true })
      .click()
    await announcement(moderator, '1 comment approved.')
    await card(moderator, FIRST_PENDING.authorName).waitFor({ state: 'detached' })
    await moderator.getByRole('link', { name: `Pending (${PENDING.length - 1})` }).waitFor()
    expect(await navLink(moderator, 'Moderation (1 comment pending)').count()).toBe(1)
    expect(await publicPage(DISCUSSED.slug)).toContain(FIRST_PENDING.body)
  })

  it('marks an approved comment as spam from the Approved tab, with a reason', async () => {
    await queue('approved')
    const item = card(moderator, FIRST_PENDING.authorName)
    await item.getByRole('button', { name: 'Details' }).click()
    await item.getByLabel('Reason (optional)').fill('Link farm, reported by a reader')
    await item.getByRole('button', { name: 'Spam', exact: true }).click()
    await announcement(moderator, '1 comment marked as spam.')
    await item.waitFor({ state: 'detached' })
    expect(await publicPage(DISCUSSED.slug)).not.toContain(FIRST_PENDING.body)
    await queue('spam')
    expect(await card(moderator, FIRST_PENDING.authorName).innerText()).toContain(
      'Link farm, reported by a reader',
    )
  })

  it('posts a staff reply to a pending comment, approving it first', async () => {
    await queue('pending')
    const item = card(moderator, SECOND_PENDING.authorName)
    await item.getByRole('button', { name: 'Reply' }).click()
    await item
      .getByLabel(/^Reply to comment/)
      .fill('Thanks: we will look at bank fishing at Lock 9.')
    await item.getByRole('button', { name: 'Post reply' }).click()
    await announcement(moderator, 'Reply posted')
    lastCommentAt = Date.now()
    await item.waitFor({ state: 'detached' })
    expect(await navLink(moderator, 'Moderation').count()).toBe(1)
    const html = await publicPage(DISCUSSED.slug)
    expect(html).toContain(SECOND_PENDING.body)
    expect(html).toContain('Thanks: we will look at bank fishing at Lock 9.')
  })
})

describe('thread controls', () => {
  it('closes a post’s comments from its edit view, with a reason', async () => {
    const id = await postId(QUIET_POST.slug)
    expect(await publicPage(QUIET_POST.slug)).not.toContain('Comments are closed.')
    await moderator.goto(`${app.baseUrl}/admin/collections/posts/${id}`)
    await moderator.locator('.thread-controls__state', { hasText: 'Comments open' }).waitFor()
    await moderator.getByRole('button', { name: 'Close comments', exact: true }).click()
    const dialog = moderator.getByRole('dialog', { name: 'Close comments' })
    expect(await axeViolations(moderator, '.thread-controls')).toEqual([])
    await dialog.getByLabel('Reason (optional)').fill('Answered in the follow-up post')
    await dialog.getByRole('button', { name: 'Close comments' }).click()
    await moderator.locator('.thread-controls__state', { hasText: 'Comments closed' }).waitFor()

    expect(await publicPage(QUIET_POST.slug)).toContain('Comments are closed.')
    const refused = await submitComment(id, 'Is the fishing pier open yet?')
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ errors: [{ message: 'Comments are closed.' }] })
    const post = await moderator.request.get(`${app.baseUrl}/api/posts/${id}?depth=0`)
    expect(await post.json()).toMatchObject({
      commentStatus: 'closed',
      commentsClosedReason: 'Answered in the follow-up post',
    })
    await moderator.getByRole('button', { name: 'Open comments', exact: true }).click()
    const summary = await moderator.getByRole('dialog', { name: 'Open comments' }).innerText()
    expect(summary).toContain('Reason: Answered in the follow-up post')
    expect(summary).toContain('moderator@example.gov')
    await moderator.keyboard.press('Escape')
  })

  it('opens comments again on the posts selected in the posts list', async () => {
    await moderator.goto(`${app.baseUrl}/admin/collections/posts`)
    for (const post of [QUIET_POST, CLOSED_POST]) {
      await moderator
        .locator('tr', { hasText: post.title })
        .locator('input[type="checkbox"]')
        .check()
    }
    const bulk = moderator.getByRole('group', { name: 'Comments on selected posts' })
    expect(await bulk.innerText()).toContain('2 posts selected')
    await bulk.getByRole('button', { name: 'Open comments' }).click()
    await bulk.getByRole('status').filter({ hasText: 'Comments opened on 2 posts.' }).waitFor()
    for (const post of [QUIET_POST, CLOSED_POST]) {
      const row = moderator.locator('tr', { hasText: post.title })
      await eventually(`${post.slug} shows Open`, async () =>
        /\bOpen\b/.test(await row.innerText()),
      )
      expect(await publicPage(post.slug)).not.toContain('Comments are closed.')
    }
    const accepted = await submitComment(await postId(QUIET_POST.slug), 'Is the pier open yet?')
    expect(accepted.status).toBe(201)
    lastCommentAt = Date.now()
  })
})

describe('other roles', () => {
  it('lets an admin download the comments export', async () => {
    const admin = await signInToAdmin(browser, app.baseUrl, 'admin@example.gov', PASSWORD)
    await admin.goto(`${app.baseUrl}/admin/moderation`)
    await admin.getByText('Export comments').click()
    await admin.getByLabel('Format', { exact: true }).selectOption('json')
    await admin.getByLabel('Status', { exact: true }).selectOption('spam')
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Download export' }).click(),
    ])
    const file = JSON.parse(await fs.readFile((await download.path())!, 'utf8'))
    const names = (file.comments as { authorName: string }[]).map((c) => c.authorName)
    expect(names).toContain(FIRST_PENDING.authorName)
    await admin.close()
  })

  it('refuses the moderation view to an author, and shows no Moderation link', async () => {
    const author = await signInToAdmin(browser, app.baseUrl, 'author@example.gov', PASSWORD)
    await author.goto(`${app.baseUrl}/admin/moderation`)
    await author.getByText('You are not allowed to moderate comments.').waitFor()
    expect(await author.getByRole('navigation', { name: 'Comment status' }).count()).toBe(0)
    expect(await author.locator('#nav-moderation').count()).toBe(0)
    const counts = await fetchInPage(author, '/api/comments/moderation-counts')
    expect(counts.status).toBe(403)
    await author.close()
  })
})
