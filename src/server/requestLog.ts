import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Logger } from './logger'

/** What a proxy's own request id may look like (nginx's $request_id, HAProxy's unique-id, UUIDs). */
const FORWARDED_ID = /^[\w.:@/+=-]{8,128}$/

export type RequestLogOptions = {
  logger: Logger
  /** The client's address as the front works it out (TRUST_PROXY decides whose word counts). */
  clientAddress: (req: IncomingMessage) => string
  /** The signed-in user the request acted for, once it is answered. */
  userOf: (res: ServerResponse) => number | string | undefined
  /**
   * Whether this request came through a proxy TRUST_PROXY trusts: only then is a well-formed
   * X-Request-Id it sent kept (a client reaching the port directly cannot choose its id).
   */
  fromTrustedProxy: (req: IncomingMessage) => boolean
}

/**
 * One log line per request, written when the response is finished (static assets and the health
 * check at debug): time, request id, method, path, status, duration, client address, user and
 * page-cache outcome. The id is also sent as X-Request-Id and handed on to Next and Payload.
 * Called first for every request, before Express or the page store answer it.
 */
export function requestLogger({
  logger,
  clientAddress,
  userOf,
  fromTrustedProxy,
}: RequestLogOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint()
    const forwarded = req.headers['x-request-id']
    const requestId =
      typeof forwarded === 'string' && FORWARDED_ID.test(forwarded) && fromTrustedProxy(req)
        ? forwarded
        : crypto.randomUUID()
    req.headers['x-request-id'] = requestId
    res.setHeader('X-Request-Id', requestId)
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const url = req.url ?? ''
      const query = url.indexOf('?')
      const line = {
        requestId,
        method: req.method,
        path: query === -1 ? url : url.slice(0, query),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ip: clientAddress(req),
        user: userOf(res),
        cache: res.getHeader('x-page-cache') ?? undefined,
      }
      const quiet = line.path.startsWith('/_next/') || line.path === '/healthz'
      if (quiet) logger.debug(line, 'request')
      else logger.info(line, 'request')
    })
  }
}
