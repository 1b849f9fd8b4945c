/**
 * Takes the screenshots for docs/staff-guide.md: starts the production build on a free loopback
 * port with a fresh demo database, walks through the guide's tasks in Chromium as the demo
 * author, editor and moderator, and writes PNGs to docs/images/staff/.
 *
 *   node --import tsx/esm scripts/staffScreenshots.ts
 *
 * Each run starts from the same demo content, so the pictures only change when the UI does.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser, Locator, Page } from 'playwright-core'

import { ensureBuild } from '../src/build/ensureBuild'
import { signInToAdmin } from '../tests/helpers/adminSession'
import { freePort } from '../tests/helpers/appProcess'
import { launchBrowser } from '../tests/helpers/browser'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = path.join(ROOT, 'docs/images/staff')
const PASSWORD = 'demo-password'
const VIEWPORT = { width: 1280, height: 800 }
const READY_TIMEOUT_MS = 120_000
const STOP_TIMEOUT_MS = 15_000

// Demo content the guide walks through (src/seed/demoContent.ts).
const POST_TO_ARCHIVE = 'lock-14-rebuild-what-to-expect'
const DISCUSSED_POST = 'draft-recreation-safety-plan-comment'
// The queue lists the newest first: Renata Haskins, then Curtis Mabry.
const COMMENT_TO_APPROVE = 'Renata Haskins'
const COMMENT_TO_ANSWER = 'Curtis Mabry'

type Site = { baseUrl: string; child: ChildProcess; dataDir: string; output: () => string }

// Settings from the caller's shell that would point the demo at another database or origin.
const INHERITED_SETTINGS_TO_DROP = [
  'NODE_OPTIONS',
  'NODE_ENV',
  'DATABASE_URL',
  'PAYLOAD_SECRET',
  'SERVER_URL',
]

function siteEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of INHERITED_SETTINGS_TO_DROP) delete env[name]
  return {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_PASSWORD: PASSWORD,
  }
}

/** `npm start` on loopback with its own data directory, as the e2e tests start it. */
async function startSite(): Promise<Site> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-screenshots-'))
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: siteEnv(port, dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  const site = { baseUrl: `http://127.0.0.1:${port}`, child, dataDir, output: () => output }
  try {
    await waitUntilReady(child, () => output)
  } catch (error) {
    // The caller never gets a handle to stop it, so a site that never got ready is stopped here.
    await stopSite(site)
    throw error
  }
  return site
}

function waitUntilReady(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`site not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output()}`)),
      READY_TIMEOUT_MS,
    )
    child.stdout!.on('data', () => {
      if (!output().includes('ready (')) return
      clearTimeout(timer)
      resolve()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`site exited with ${code} before it was ready:\n${output()}`))
    })
  })
}

/** SIGTERM (npm passes it on to the server), SIGKILL if it hangs; then drops the database. */
async function stopSite(site: Site): Promise<void> {
  const { child } = site
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    await exited
    clearTimeout(timer)
  }
  fs.rmSync(site.dataDir, { recursive: true, force: true })
}

/** A page per account, so each role keeps its own session cookie. */
const signIn = (browser: Browser, baseUrl: string, email: string): Promise<Page> =>
  signInToAdmin(browser, baseUrl, email, PASSWORD, VIEWPORT)

const RING = 'outline: 3px solid #d83933; outline-offset: 3px'

/** Rings what the step says to click, in red; call the answer to take the rings off again. */
async function highlight(targets: Locator[]): Promise<() => Promise<void>> {
  for (const target of targets) {
    await target.evaluate((element, ring) => {
      const html = element as HTMLElement
      html.dataset.guideStyle = html.getAttribute('style') ?? ''
      html.setAttribute('style', `${html.dataset.guideStyle};${ring}`)
    }, RING)
  }
  return async () => {
    for (const target of targets) {
      await target.evaluate((element) => {
        const html = element as HTMLElement
        html.setAttribute('style', html.dataset.guideStyle ?? '')
      })
    }
  }
}

/** The viewport as it is, once a rich-text editor on it (a post's body) has drawn itself. */
async function shootPage(page: Page, name: string, rings: Locator[] = []): Promise<void> {
  const editor = page.locator('[data-lexical-editor="true"]')
  if ((await editor.count()) > 0) await editor.first().waitFor({ state: 'visible' })
  await page.waitForLoadState('networkidle')
  const clear = await highlight(rings)
  await page.screenshot({ path: path.join(OUT_DIR, name), animations: 'disabled' })
  await clear()
}

/**
 * The part of the viewport from `from`'s top to `to`'s bottom, with a margin: enough context to
 * find the control on screen, small enough to read in the guide.
 */
async function shootRegion(
  page: Page,
  name: string,
  from: Locator,
  to: Locator = from,
  rings: Locator[] = [],
): Promise<void> {
  await from.scrollIntoViewIfNeeded()
  const top = await from.boundingBox()
  const bottom = await to.boundingBox()
  if (!top || !bottom) throw new Error(`${name}: nothing on screen to photograph`)
  const margin = 24
  const y = Math.max(0, top.y - margin)
  const height = Math.min(VIEWPORT.height, bottom.y + bottom.height + margin) - y
  const clear = await highlight(rings)
  await page.screenshot({
    path: path.join(OUT_DIR, name),
    animations: 'disabled',
    clip: { x: 0, y, width: VIEWPORT.width, height },
  })
  await clear()
}

async function postIdBySlug(baseUrl: string, slug: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/posts?where[slug][equals]=${slug}&depth=0`)
  const { docs } = (await response.json()) as { docs: { id: number }[] }
  if (!docs[0]) throw new Error(`no published post ${slug}`)
  return docs[0].id
}

/** Waits for Payload's toast after a save, and fails with its message if the save was refused. */
async function saved(page: Page): Promise<void> {
  const toast = page.locator('.payload-toast-item.toast-success, .payload-toast-item.toast-error')
  await toast.first().waitFor({ timeout: 30_000 })
  const refused = page.locator('.payload-toast-item.toast-error')
  if (await refused.count()) throw new Error(`save refused: ${await refused.first().innerText()}`)
}

/** Task 1, first half: the sign-in form, then an author's new post saved as a draft. */
async function writeDraft(browser: Browser, baseUrl: string): Promise<string> {
  const login = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
  await login.goto(`${baseUrl}/admin/login`)
  const form = login.locator('form').first()
  await form.locator('input[name="email"]').fill('author@example.gov')
  await shootRegion(login, '01-sign-in.png', login.locator('.login__brand'), form)
  await login.context().close()

  const page = await signIn(browser, baseUrl, 'author@example.gov')
  await page.goto(`${baseUrl}/admin/collections/posts/create`)
  await page.locator('#field-title').fill('River gauge readings now update every 15 minutes')
  await page
    .locator('#field-excerpt')
    .fill('Stage and flow readings from all 112 gauges now refresh four times an hour.')
  await page.locator('[data-lexical-editor="true"]').click()
  await page.keyboard.type('Starting next month, every gauge reports four times an hour.')
  await chooseOption(page, '#field-authors', 'Priya Halvorsen')
  const saveDraft = page.getByRole('button', { name: 'Save Draft' })
  await shootPage(page, '02-author-draft.png', [saveDraft])
  await saveDraft.click()
  await page.waitForURL(/\/admin\/collections\/posts\/\d+/, { timeout: 30_000 })
  await saved(page)
  const url = page.url()
  await page.context().close()
  return url
}

/** Picks `label` in one of Payload's relationship drop-downs. */
async function chooseOption(page: Page, field: string, label: string): Promise<void> {
  await page.locator(`${field} .rs__control`).click()
  await page.locator('.rs__option', { hasText: label }).click()
  // The drop-down stays open on a multiple choice; Escape closes it without a second pick.
  await page.keyboard.press('Escape')
}

/** Task 1, second half: an editor opens the draft and publishes it. */
async function publishDraft(browser: Browser, baseUrl: string, draftUrl: string): Promise<void> {
  const page = await signIn(browser, baseUrl, 'editor@example.gov')
  await page.goto(draftUrl)
  const publish = page.getByRole('button', { name: 'Publish changes' })
  await publish.waitFor()
  await shootPage(page, '03-editor-publish.png', [publish])
  await publish.click()
  await saved(page)
  const slug = await page.locator('#field-slug').inputValue()
  await page.context().close()
  // The guide says readers can now see it: check that it is so.
  const response = await fetch(`${baseUrl}/posts/${slug}`)
  if (!response.ok) throw new Error(`published post answers ${response.status}`)
}

/** Task 2: an editor archives a post; the public page then carries the archive banner. */
async function archivePost(browser: Browser, baseUrl: string): Promise<void> {
  const page = await signIn(browser, baseUrl, 'editor@example.gov')
  const id = await postIdBySlug(baseUrl, POST_TO_ARCHIVE)
  await page.goto(`${baseUrl}/admin/collections/posts/${id}`)
  const tab = page.locator('.tabs-field__tab-button', { hasText: 'Archive' })
  await tab.click()
  const archived = page.getByLabel('Archived', { exact: true })
  await archived.check()
  const publish = page.getByRole('button', { name: 'Publish changes' })
  await page.locator('#field-archiveNotice').waitFor()
  const checkbox = page.locator('.field-type.checkbox', { has: page.locator('#field-archived') })
  await shootPage(page, '04-archive-tab.png', [tab, checkbox, publish])
  await publish.click()
  await saved(page)

  await page.goto(`${baseUrl}/posts/${POST_TO_ARCHIVE}`)
  await shootRegion(
    page,
    '05-archived-banner.png',
    page.locator('.archive-notice'),
    page.locator('h1'),
  )
  await page.context().close()
}

/** Task 3: the moderation queue; approve one comment, answer another. */
async function moderateComments(browser: Browser, baseUrl: string): Promise<Page> {
  const page = await signIn(browser, baseUrl, 'moderator@example.gov')
  await page.goto(`${baseUrl}/admin/moderation`)
  const card = (name: string) => page.getByRole('article', { name, exact: true })
  const first = card(COMMENT_TO_APPROVE)
  await first.waitFor()
  const approve = first.getByRole('button', { name: 'Approve', exact: true })
  await shootRegion(page, '06-moderation-queue.png', page.locator('.moderation__title'), first, [
    approve,
  ])
  await approve.click()
  await page.locator('.moderation__announcement', { hasText: 'approved' }).waitFor()
  await first.waitFor({ state: 'detached' })

  const second = card(COMMENT_TO_ANSWER)
  await second.getByRole('button', { name: 'Reply' }).click()
  await second
    .getByLabel(/^Reply to comment/)
    .fill('Yes. The recording will be on the plan’s page within a week of the meeting.')
  const postReply = second.getByRole('button', { name: 'Post reply' })
  await shootRegion(page, '07-reply.png', second, second, [postReply])
  await postReply.click()
  await page.locator('.moderation__announcement', { hasText: 'Reply posted' }).waitFor()
  return page
}

/** Task 4: the thread controls on a post; the public page then says comments are closed. */
async function closeThread(page: Page, baseUrl: string): Promise<void> {
  const id = await postIdBySlug(baseUrl, DISCUSSED_POST)
  await page.goto(`${baseUrl}/admin/collections/posts/${id}`)
  const open = page.getByRole('button', { name: 'Close comments', exact: true })
  const title = page.getByRole('heading', { level: 1 })
  await shootRegion(page, '08-thread-controls.png', title, page.locator('.thread-controls'), [open])
  await open.click()
  const dialog = page.getByRole('dialog', { name: 'Close comments' })
  await dialog.getByLabel('Reason (optional)').fill('The comment period ended on November 20.')
  const confirm = dialog.getByRole('button', { name: 'Close comments' })
  await shootRegion(page, '09-close-comments.png', dialog, dialog, [confirm])
  await confirm.click()
  await page.locator('.thread-controls__state', { hasText: 'Comments closed' }).waitFor()

  await page.goto(`${baseUrl}/posts/${DISCUSSED_POST}`)
  const answered = page.locator('li.comment', { hasText: COMMENT_TO_ANSWER }).first()
  await shootRegion(page, '10-comments-closed.png', answered, page.locator('.comments-closed'))
}

async function main(): Promise<void> {
  const started = Date.now()
  // A stale build would be rebuilt by `npm start` itself, well past the readiness timeout.
  ensureBuild(ROOT)
  fs.mkdirSync(OUT_DIR, { recursive: true })
  let site: Site | undefined
  let browser: Browser | undefined
  try {
    site = await startSite()
    browser = await launchBrowser()
    const draftUrl = await writeDraft(browser, site.baseUrl)
    await publishDraft(browser, site.baseUrl, draftUrl)
    await archivePost(browser, site.baseUrl)
    const moderator = await moderateComments(browser, site.baseUrl)
    await closeThread(moderator, site.baseUrl)
  } catch (error) {
    // A step that times out in the browser is often explained by the server's log.
    if (site) console.error(`Server output (last lines):\n${site.output().slice(-4000)}`)
    throw error
  } finally {
    await browser?.close()
    if (site) await stopSite(site)
  }
  console.log(`Screenshots in ${path.relative(ROOT, OUT_DIR)}/ (${Date.now() - started} ms)`)
}

await main()
