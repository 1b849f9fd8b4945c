import type http from 'node:http'

import express, { type ErrorRequestHandler } from 'express'

import type { TrustProxy } from '@/config/network'
import type { ResponseScope } from '@/runtime/responseScope'
import type { PageStore } from '@/runtime/pageStore'
import type { AnalyticsSources } from '@/site/analytics'

import { refuseBody } from './bodyLimit'
import { clientAddressOf, clientHeaders, type TrustFn } from './clientHeaders'
import { clientErrorMessage, sendError } from './clientError'
import { healthCheck } from './healthCheck'
import type { Logger } from './logger'
import { pageCache } from './pageCache'
import { renderLimit, type RenderLimitOptions } from './renderLimit'
import { requestLogger } from './requestLog'
import { securityHeaders } from './securityHeaders'

export type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>

export type FrontOptions = {
  logger: Logger
  trustProxy: TrustProxy
  /** The site is served over https (SERVER_URL): HSTS is sent. */
  https: boolean
  /** `npm run dev`: the content security policy lets React's development build use eval. */
  dev: boolean
  /** The measurement script in site settings, for the public pages' content security policy. */
  analytics: () => Promise<AnalyticsSources | null>
  /** One cheap database query, for /healthz. */
  ping: () => Promise<unknown>
  /** Page renders at once, and how many may wait (RENDER_CONCURRENCY). */
  renders: RenderLimitOptions
  /** Rendered public pages, and the content generation they are valid for. */
  pages: { store: PageStore; generation: () => number; cacheControl: string | null }
  /** The response in reach of Next's pages (their HTTP status) and Payload (the user, logged). */
  responses: ResponseScope
  /** Next's request handler: the public site, the admin, REST and GraphQL. */
  handle: NextHandler
}

/**
 * The HTTP front door, and only that: request log, security headers, the client's address, the
 * health check and stored public pages; everything else goes to Next, which serves the site,
 * Payload's admin and its APIs. It makes no Payload query of its own (the health check's `ping`
 * is handed in), so every rule about content lives behind it, on every path. A stored page is
 * answered before Express, at a fraction of its cost.
 */
export function createApp(options: FrontOptions): http.RequestListener {
  const { logger, handle, responses } = options
  const pages = pageCache(options.pages)
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', options.trustProxy)
  // Express compiles TRUST_PROXY once; the log and the headers below use its answer.
  const trust = app.get('trust proxy fn') as TrustFn
  const clientAddress = clientAddressOf(trust)
  const logRequest = requestLogger({
    logger,
    clientAddress,
    userOf: (res) => responses.userOf(res),
    fromTrustedProxy: (req) => trust(req.socket.remoteAddress ?? '', 0),
  })

  app.use(securityHeaders({ https: options.https, dev: options.dev, analytics: options.analytics }))
  app.use(clientHeaders(clientAddress))

  app.get('/healthz', healthCheck(options.ping, logger))
  app.use(pages.storeRendered)
  app.use(renderLimit(options.renders))
  app.all('/{*splat}', (req, res, next) => {
    responses.run(res, () => handle(req, res)).catch(next)
  })

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    // Express's own refusals (a path that is not valid percent-encoding) are the client's fault.
    const clientMessage = clientErrorMessage(error)
    if (clientMessage) {
      logger.info({ err: { message: (error as Error).message } }, 'bad request')
      if (!res.headersSent) sendError(res, clientMessage.status, clientMessage.message)
      return
    }
    logger.error({ err: error }, 'unhandled request error')
    if (res.headersSent) return
    sendError(res, 500, 'Something went wrong on our side.')
  }
  app.use(onError)
  return (req, res) => {
    logRequest(req, res)
    // Without a host nothing can be addressed or cached: HTTP/1.1 requires one.
    if (!req.headers.host) return sendError(res, 400, 'The request has no Host header.')
    const tooLarge = refuseBody(req)
    if (tooLarge) {
      // Answer from the headers alone and close: the rest of the body is never read.
      res.setHeader('Connection', 'close')
      return sendError(res, tooLarge.status, tooLarge.message)
    }
    if (!pages.serveStored(req, res)) app(req, res)
  }
}
