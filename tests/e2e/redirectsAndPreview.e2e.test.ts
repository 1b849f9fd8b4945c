import type { Browser, Page } from 'playwright-core'

import { DEMO_POSTS } from '@/seed/demoContent'

import { eventually, signInToAdmin } from '../helpers/adminSession'
import { startApp, type AppProcess } from '../helpers/appProcess'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'

const PASSWORD = 'e2e-redirects-password'
const PHONE = { width: 375, height: 800 }
const DESKTOP = { width: 1280, height: 900 }
const RENAMED = DEMO_POSTS.find((post) => !post.archived)!
const EDITED = DEMO_POSTS.filter((post) => !post.archived)[1]!

let app: AppProcess
let browser: Browser
let editor: Page

beforeAll(async () => {
  app = await startApp({ DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
  editor = await signInToAdmin(browser, app.baseUrl, 'editor@example.gov', PASSWORD)
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** A post's id, read over the public API. */
async function postId(slug: string): Promise<number> {
  const res = await fetch(`${app.baseUrl}/api/posts?where[slug][equals]=${slug}&depth=0&limit=1`)
  const { docs } = (await res.json()) as { docs: { id: number }[] }
  return docs[0].id
}

/** The first answer to a request for `path`, redirects not followed. */
const firstAnswer = (path: string) => fetch(`${app.baseUrl}${path}`, { redirect: 'manual' })

/** Payload's REST API from the editor's admin page: same origin, with the session cookie. */
function asEditor(method: string, path: string, body?: unknown) {
  return editor.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: res.status, body: await res.json() }
    },
    { method, path, body },
  )
}

/** Chooses "A path or web address"; the admin's form may still be hydrating, so until it takes. */
async function choosePathTarget(editor: Page) {
  // A click before the form hydrates checks the radio without telling the form, so its address
  // field never shows: until it does, choose the other option and this one again.
  const address = editor.locator('input[name="to.url"]')
  for (let attempt = 0; attempt < 4; attempt++) {
    await editor.locator('label[for="field-to.type-url"]').click()
    // The field comes with the form's next state from the server: give it time before toggling,
    // which would start that request again.
    const shown = await address
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false)
    if (shown) return
    await editor.locator('label[for="field-to.type-post"]').click()
    await editor.waitForTimeout(1_000)
  }
  await address.waitFor({ timeout: 10_000 })
}

describe('redirects in Chromium', () => {
  it('sends a reader from a renamed post’s old address to its new one', async () => {
    const id = await postId(RENAMED.slug)
    const slug = `${RENAMED.slug}-renamed`
    await editor.goto(`${app.baseUrl}/admin/collections/posts/${id}`)
    const field = editor.locator('#field-slug')
    await field.waitFor({ timeout: 30_000 })
    await field.fill(slug)
    await editor.locator('#action-save').click()
    await eventually('the new slug is published', async () => (await postId(slug)) === id)

    const answer = await firstAnswer(`/posts/${RENAMED.slug}`)
    expect(answer.status).toBe(308)
    expect(answer.headers.get('location')).toBe(`/posts/${slug}`)

    const reader = await browser.newPage()
    await reader.goto(`${app.baseUrl}/posts/${RENAMED.slug}`)
    expect(new URL(reader.url()).pathname).toBe(`/posts/${slug}`)
    expect(await reader.locator('h1').innerText()).toBe(RENAMED.title)
    await reader.close()
  })

  it('follows a redirect an editor made by hand in the admin', async () => {
    await editor.goto(`${app.baseUrl}/admin/collections/redirects/create`)
    await editor.locator('#field-from').waitFor({ timeout: 30_000 })
    await editor.locator('#field-from').fill('/2019/spring-campaign/')
    await choosePathTarget(editor)
    await editor.locator('input[name="to.url"]').fill('/archive')
    await editor.locator('#action-save').click()
    await editor.waitForURL((url) => /\/admin\/collections\/redirects\/\d+/.test(url.pathname), {
      timeout: 30_000,
    })

    const answer = await firstAnswer('/2019/spring-campaign')
    expect(answer.status).toBe(308)
    expect(answer.headers.get('location')).toBe('/archive')
    const reader = await browser.newPage()
    await reader.goto(`${app.baseUrl}/2019/spring-campaign/`)
    expect(new URL(reader.url()).pathname).toBe('/archive')
    await reader.close()
  })

  it('refuses an unsafe target in the admin form, and stores nothing', async () => {
    await editor.goto(`${app.baseUrl}/admin/collections/redirects/create`)
    await editor.locator('#field-from').waitFor({ timeout: 30_000 })
    await editor.locator('#field-from').fill('/unsafe')
    await choosePathTarget(editor)
    await editor.locator('input[name="to.url"]').fill('javascript:alert(1)')
    await editor.locator('#action-save').click()
    await editor.getByText(/Only http and https addresses/).waitFor({ timeout: 20_000 })
    const listed = await asEditor('GET', '/api/redirects?where[from][equals]=/unsafe')
    expect(listed.body.totalDocs).toBe(0)
    expect((await firstAnswer('/unsafe')).status).toBe(404)
  })
})

describe('preview in Chromium', () => {
  const DRAFT_TITLE = 'Draft preview: new boat ramp hours'
  let previewUrl = ''

  it('opens a draft from the admin’s Preview button, with a banner, for a signed-in editor', async () => {
    await editor.goto(`${app.baseUrl}/admin/collections/posts/create`)
    await editor.locator('#field-title').fill(DRAFT_TITLE)
    await editor.locator('#action-save-draft').click()
    await editor.waitForURL((url) => /\/admin\/collections\/posts\/\d+/.test(url.pathname), {
      timeout: 30_000,
    })
    const id = /\/posts\/(\d+)/.exec(editor.url())![1]
    const button = editor.locator('#preview-button')
    await button.waitFor({ timeout: 30_000 })
    previewUrl = new URL((await button.getAttribute('href'))!, app.baseUrl).href
    expect(new URL(previewUrl).pathname).toBe(`/preview/posts/${id}`)

    // The editor's own session, in the same browser page the admin runs in.
    const page = editor
    const response = await page.goto(previewUrl)
    expect(response!.status()).toBe(200)
    const headers = response!.headers()
    expect(headers['cache-control']).toMatch(/private/)
    expect(headers['cache-control']).toMatch(/no-store/)
    expect(headers['x-robots-tag']).toMatch(/noindex/)
    expect(headers['x-page-cache']).toBeUndefined()
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/)
    const banner = page.getByRole('region', { name: 'Preview' })
    expect(await banner.innerText()).toMatch(/This is a draft/)
    expect(await page.locator('h1').innerText()).toBe(DRAFT_TITLE)

    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport)
      expect(await axeViolations(page, 'body')).toEqual([])
    }
  })

  it('is the 404 page to anyone not signed in, never the draft', async () => {
    const reader = await browser.newPage()
    const response = await reader.goto(previewUrl)
    expect(response!.status()).toBe(404)
    expect(response!.headers()['cache-control']).toMatch(/no-store/)
    const html = await reader.content()
    expect(html).not.toContain(DRAFT_TITLE)
    expect(await reader.getByRole('region', { name: 'Preview' }).count()).toBe(0)
    await reader.close()
    // Nor kept for the next reader by the site's page cache.
    expect((await firstAnswer(new URL(previewUrl).pathname)).status).toBe(404)
  })

  it("shows a published post's unpublished changes to staff, while readers keep the published page", async () => {
    const id = await postId(EDITED.slug)
    const changed = `${EDITED.title} (revised)`
    const saved = await asEditor('PATCH', `/api/posts/${id}?draft=true`, { title: changed })
    expect(saved.status).toBe(200)

    const page = editor
    await page.goto(`${app.baseUrl}/preview/posts/${id}`)
    expect(await page.locator('h1').innerText()).toBe(changed)
    const banner = page.getByRole('region', { name: 'Preview' })
    expect(await banner.innerText()).toMatch(/unpublished changes to a published post/)

    const html = await (await fetch(`${app.baseUrl}/posts/${EDITED.slug}`)).text()
    expect(html).not.toContain(changed)
  })
})
