import type { RequestHandler } from 'express'

import type { Logger } from './logger'

const TIMEOUT_MS = 3000

/**
 * GET /healthz: 200 when `ping` (one query start-up hands in) answers in time, 503 when it does
 * not. The cause goes to the log only: a database error can carry SQL and addresses.
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
      logger.error({ err: error }, 'health check failed')
      res.status(503).json({ status: 'error', reason: 'database unavailable' })
    } finally {
      clearTimeout(timer)
    }
  }
}
