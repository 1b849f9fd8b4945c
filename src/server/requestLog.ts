import type { RequestHandler } from 'express'

import type { Logger } from './logger'

/** One log line per request, written when the response is finished. Static assets log at debug. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const line = {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      }
      const quiet = line.path.startsWith('/_next/') || line.path === '/healthz'
      if (quiet) logger.debug(line, 'request')
      else logger.info(line, 'request')
    })
    next()
  }
}
