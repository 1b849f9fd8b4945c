import type { RequestHandler } from 'express'

import type { Logger } from './logger'

const TIMEOUT_MS = 3000

/**
 * GET /healthz: 200 when `ping` (one query start-up hands in) answers in time, 503 with the reason
 * when it does not.
 */
export function healthCheck(ping: () => Promise<unknown>, logger: Logger): RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        ping(),
        new Promise((_resolve, reject) => {
          timer = setTimeout(
            () => reject(new Error(`database did not answer within ${TIMEOUT_MS} ms`)),
            TIMEOUT_MS,
          )
        }),
      ])
      res.status(200).json({ status: 'ok' })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      logger.error({ err: error }, 'health check failed')
      res.status(503).json({ status: 'error', reason: `database unavailable: ${reason}` })
    } finally {
      clearTimeout(timer)
    }
  }
}
