import type { Browser, Page } from 'playwright-core'

/**
 * Signs a demo account in to the admin panel in a page of its own (its own session cookie) and
 * waits until it has left the login form.
 */
export async function signInToAdmin(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  viewport = { width: 1400, height: 1000 },
): Promise<Page> {
  const page = await browser.newPage({ viewport })
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'), { timeout: 30_000 })
  return page
}

/** Resolves once `read()` returns true, polling; fails with `what` after the timeout. */
export async function eventually(
  what: string,
  read: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await read()) return
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
