import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Logger } from './logger'

/**
 * One log line per request, written when the response is finished (static assets and the health
 * check at debug). Called first for every request, before Express or the page store answer it.
 */
export function logRequest(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint()
  res.once('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const url = req.url ?? ''
    const query = url.indexOf('?')
    const line = {
      method: req.method,
      path: query === -1 ? url : url.slice(0, query),
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
      cache: res.getHeader('x-page-cache') ?? undefined,
    }
    const quiet = line.path.startsWith('/_next/') || line.path === '/healthz'
    if (quiet) logger.debug(line, 'request')
    else logger.info(line, 'request')
  })
}
