import { busErrorMessage, type BusLogger } from './invalidationBus'

/** A purge endpoint that has not answered by then is given up on (and logged). */
export const PURGE_TIMEOUT_MS = 2000

/**
 * Tells the shared caches in front (Varnish, a CDN's purge endpoint: CDN_PURGE_URL) to drop the
 * public pages. Every public page is rendered from the content generation, which any published
 * change moves on, so one BAN drops them all; deploy/varnish/default.vcl turns it into a ban of
 * everything but Next's immutable build files.
 */
export interface SharedCachePurger {
  /** Sends a BAN to every endpoint at once; never throws, each failure is logged. */
  purge(logger: BusLogger): Promise<void>
}

export class HttpBanPurger implements SharedCachePurger {
  constructor(
    private readonly urls: readonly string[],
    private readonly timeoutMs = PURGE_TIMEOUT_MS,
  ) {}

  async purge(logger: BusLogger): Promise<void> {
    await Promise.all(
      this.urls.map(async (url) => {
        // The host only: a CDN's purge URL may carry a token.
        const where = new URL(url).host
        try {
          const response = await fetch(url, {
            method: 'BAN',
            signal: AbortSignal.timeout(this.timeoutMs),
          })
          await response.body?.cancel()
          if (!response.ok) {
            logger.warn(
              { status: response.status },
              `the shared cache at ${where} refused the purge`,
            )
          }
        } catch (error) {
          logger.warn(
            { err: { message: busErrorMessage(error) } },
            `could not purge the shared cache at ${where}`,
          )
        }
      }),
    )
  }
}

export function createSharedCachePurger(urls: readonly string[]): SharedCachePurger | null {
  return urls.length > 0 ? new HttpBanPurger(urls) : null
}
