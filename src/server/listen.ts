import http from 'node:http'

import { sendError } from './clientError'
import type { Logger } from './logger'

/** A port or host the server cannot listen on, said in one line. */
export class ListenError extends Error {
  override name = 'ListenError'
}

export type RunningServer = {
  server: http.Server
  port: number
  /** Starts answering with `app`; until then every request gets 503 "starting". */
  serve: (app: http.RequestListener) => void
  /**
   * Drains (for `drainMs`: /healthz answers 503 "draining" so a load balancer stops sending, while
   * every request is still served, each on a connection closed after it), then stops accepting
   * connections and lets in-flight requests finish.
   */
  shutdown: (signal?: string) => Promise<void>
}

type ListenOptions = {
  port: number
  host?: string
  logger: Logger
  graceMs?: number
  /** SHUTDOWN_DRAIN_SECONDS, in ms: 0 closes the listener at once. */
  drainMs?: number
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string | undefined) {
  const where = host ? `${host}:${port}` : `port ${port}`
  switch (error.code) {
    case 'EADDRINUSE':
      return new ListenError(
        `${where} is already in use (PORT=${port}): stop the other server or choose another PORT`,
      )
    case 'EACCES':
      return new ListenError(
        `Listening on ${where} needs privileges this user does not have: choose a PORT above 1023`,
      )
    case 'EADDRNOTAVAIL':
      return new ListenError(`HOST "${host}" is not an address of this machine`)
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ListenError(`HOST "${host}" could not be resolved to an address`)
    default:
      return new ListenError(`Cannot listen on ${where}: ${error.message}`)
  }
}

const isHealthCheck = (req: http.IncomingMessage) => req.url === '/healthz'

/** The health check's answer while the server cannot take traffic: starting or draining. */
function unavailable(res: http.ServerResponse, status: 'starting' | 'draining') {
  res.statusCode = 503
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.end(JSON.stringify({ status }))
}

function starting(req: http.IncomingMessage, res: http.ServerResponse) {
  res.setHeader('Retry-After', '5')
  if (!isHealthCheck(req)) {
    return sendError(res, 503, 'The site is starting; try again in a moment.')
  }
  unavailable(res, 'starting')
}

/**
 * Claims the port first, so a port in use or a wrong HOST is reported at once, in one line,
 * before migrations and seeding; answers 503 until `serve` hands it the application.
 */
export async function listen({
  port,
  host,
  logger,
  graceMs = 10_000,
  drainMs = 0,
}: ListenOptions): Promise<RunningServer> {
  let handler: http.RequestListener = starting
  let closing: Promise<void> | undefined
  let draining = false
  const inFlight = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    // Shutting down: this request is answered, and its connection closed after it.
    if (closing) res.setHeader('Connection', 'close')
    inFlight.add(res)
    res.once('close', () => inFlight.delete(res))
    if (draining && isHealthCheck(req)) return unavailable(res, 'draining')
    handler(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error, port, host)))
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port

  const shutdown = (signal = 'shutdown') => {
    closing ??= (async () => {
      if (drainMs > 0) {
        // Still serving: the load balancer's next health check sees 503 and sends no more. A
        // connection kept alive past the drain could carry a request into the closing listener,
        // so every response meanwhile closes its connection (set above, as `closing` is set).
        draining = true
        logger.info({ signal, drainMs }, 'draining: health check says 503, still serving')
        await new Promise((resolve) => setTimeout(resolve, drainMs))
      }
      logger.info({ signal }, 'no longer accepting connections, finishing requests')
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close')
      // A kept-alive connection goes idle when its response is sent, whether or not the response
      // said `Connection: close` (it was sent before the shutdown): close such connections as
      // they go idle, so no new request starts on them; requests in flight finish.
      const sweep = setInterval(() => server.closeIdleConnections(), 50)
      server.closeIdleConnections()
      const force = setTimeout(() => {
        logger.warn({ graceMs }, 'requests still running after the grace period: closing them')
        server.closeAllConnections()
      }, graceMs)
      await closed
      clearInterval(sweep)
      clearTimeout(force)
    })()
    return closing
  }
  return {
    server,
    port: actualPort,
    serve: (app) => {
      handler = app
    },
    shutdown,
  }
}
