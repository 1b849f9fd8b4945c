import http from 'node:http'

import express, { type ErrorRequestHandler } from 'express'
import type { Payload } from 'payload'

import { closeDatabase } from '@/db/closeDatabase'
import { clientHeaders } from '@/http/clientHeaders'
import { commentFloodLimit } from '@/http/commentFloodLimit'
import { healthCheck } from '@/http/healthCheck'
import { withPageResponse } from '@/http/pageStatus'
import { pageCache } from '@/http/pageCache'
import { requestLog } from '@/http/requestLog'
import { securityHeaders } from '@/http/securityHeaders'

export type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>

export type ServerOptions = {
  payload: Payload
  /** Next's request handler: the public site, the admin, REST and GraphQL. */
  handle: NextHandler
  trustProxy: boolean | number | string
  https: boolean
}

/**
 * The HTTP front: cross-cutting concerns only (logging, security headers, client address and host, health, the
 * comment flood limit, the public page cache),
 * then everything goes to Next, which serves the site, Payload's admin and its APIs.
 */
export function createApp({ payload, handle, trustProxy, https }: ServerOptions): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)

  app.use(requestLog(payload.logger))
  app.use(securityHeaders({ https }))
  app.use(clientHeaders)

  app.get('/healthz', healthCheck(payload))
  app.post('/api/comments', commentFloodLimit(payload))
  app.use(pageCache())
  app.all('/{*splat}', (req, res, next) => {
    withPageResponse(res, () => handle(req, res)).catch(next)
  })

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    payload.logger.error({ err: error }, 'unhandled request error')
    if (res.headersSent) return
    res.status(500).json({ errors: [{ message: 'Something went wrong on our side.' }] })
  }
  app.use(onError)
  return app
}

export type RunningServer = {
  server: http.Server
  port: number
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  shutdown: (signal?: string) => Promise<void>
}

export async function listen(
  app: express.Express,
  payload: Payload,
  { port, host, graceMs = 10_000 }: { port: number; host?: string; graceMs?: number },
): Promise<RunningServer> {
  const server = http.createServer(app)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port

  let closing: Promise<void> | undefined
  const shutdown = (signal = 'shutdown') => {
    closing ??= (async () => {
      payload.logger.info(`${signal}: no longer accepting connections, finishing requests`)
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const force = setTimeout(() => server.closeAllConnections(), graceMs)
      await closed
      clearTimeout(force)
      await closeDatabase(payload)
      payload.logger.info('database closed, bye')
    })()
    return closing
  }
  return { server, port: actualPort, shutdown }
}
