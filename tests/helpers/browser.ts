import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's Chromium (apt-get install chromium), headless. The networking flags stop it from
 * calling home: tests only ever talk to loopback.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  })
}
