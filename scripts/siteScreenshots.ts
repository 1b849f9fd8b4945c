/**
 * Takes the README's screenshots of the public site: starts the production build on a free
 * loopback port with a fresh demo database (as the e2e tests do), opens the home page, a post with
 * an image and a table, and an archived post in Chromium at phone and desktop widths, and writes
 * PNGs to docs/screenshots/. Not part of `npm test`.
 *
 *   node --import tsx/esm scripts/siteScreenshots.ts
 *
 * Each run starts from the same demo content, so the pictures only change when the site does.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Browser } from 'playwright-core'
import sharp from 'sharp'

import { ensureBuild } from '../src/build/ensureBuild'
import { startApp, type AppProcess } from '../tests/helpers/appProcess'
import { launchBrowser } from '../tests/helpers/browser'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = path.join(ROOT, 'docs/screenshots')

// Demo content (src/seed/demoContent.ts).
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'post-with-image-and-table', path: '/posts/winter-lock-maintenance-2024-2025' },
  { name: 'archived-post', path: '/posts/lockline-text-alerts-pilot' },
]
const VIEWPORTS = [
  { name: 'phone', width: 375, height: 812 },
  { name: 'desktop', width: 1280, height: 900 },
]
/** A full page down to this height; a longer one is cut here (the README shows the top). */
const MAX_HEIGHT = { phone: 2400, desktop: 2000 } as const

async function shoot(browser: Browser, baseUrl: string): Promise<string[]> {
  const written: string[] = []
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    })
    for (const target of PAGES) {
      const page = await context.newPage()
      const response = await page.goto(`${baseUrl}${target.path}`)
      if (response?.status() !== 200) throw new Error(`${target.path}: ${response?.status()}`)
      await page.evaluate(async () => {
        await document.fonts.ready
        await Promise.all(
          [...document.images].map((img) =>
            img.complete ? null : new Promise((done) => img.addEventListener('load', done)),
          ),
        )
      })
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      const shot = await page.screenshot({
        fullPage: true,
        animations: 'disabled',
        clip: {
          x: 0,
          y: 0,
          width: viewport.width,
          height: Math.min(height, MAX_HEIGHT[viewport.name as keyof typeof MAX_HEIGHT]),
        },
      })
      const file = path.join(OUT_DIR, `${target.name}-${viewport.name}.png`)
      // A palette PNG: a fifth of the size, and the site's flat colours survive it.
      await sharp(shot).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(file)
      written.push(file)
      await page.close()
    }
    await context.close()
  }
  return written
}

async function main(): Promise<void> {
  // A stale build would be rebuilt by `npm start` itself, well past the readiness timeout.
  ensureBuild(ROOT)
  fs.mkdirSync(OUT_DIR, { recursive: true })
  let app: AppProcess | undefined
  let browser: Browser | undefined
  try {
    app = await startApp({ DEMO_PASSWORD: 'site-screenshots-password' })
    browser = await launchBrowser()
    for (const file of await shoot(browser, app.baseUrl)) {
      console.log(`${path.relative(ROOT, file)}  ${Math.round(fs.statSync(file).size / 1024)} KB`)
    }
  } catch (error) {
    if (app) console.error(`Server output (last lines):\n${app.output().slice(-4000)}`)
    throw error
  } finally {
    await browser?.close()
    await app?.stop()
    if (app?.env.DATA_DIR) fs.rmSync(app.env.DATA_DIR, { recursive: true, force: true })
  }
}

await main()
