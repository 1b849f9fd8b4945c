import { AsyncLocalStorage } from 'node:async_hooks'
import { subscribe } from 'node:diagnostics_channel'
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http'

import { AkismetError } from './akismetError'

/*
 * akismet-api resolves to a boolean and keeps the HTTP response to itself, and it has no timeout.
 * Node announces every ClientRequest on the `http.client.request.start` diagnostics channel,
 * synchronously inside the call that creates it, so an AsyncLocalStorage store set around the
 * akismet-api call tells us which requests are ours: from them we read the response headers, and
 * on timeout we destroy them so the socket is really closed.
 */
type Exchange = {
  requests: ClientRequest[]
  response: { status: number; headers: IncomingHttpHeaders } | null
}
const currentExchange = new AsyncLocalStorage<Exchange>()

subscribe('http.client.request.start', (message) => {
  const exchange = currentExchange.getStore()
  if (!exchange) return
  const { request } = message as { request: ClientRequest }
  exchange.requests.push(request)
  request.once('response', (response: IncomingMessage) => {
    exchange.response = { status: response.statusCode ?? 0, headers: response.headers }
  })
})

export function header(exchange: Exchange, name: string): string | null {
  const value = exchange.response?.headers[name]
  return typeof value === 'string' ? value : null
}

function toAkismetError(error: unknown, exchange: Exchange): AkismetError {
  if (error instanceof AkismetError) return error
  const { status, code, message } = (error ?? {}) as {
    status?: unknown
    code?: unknown
    message?: unknown
  }
  const debugHelp = header(exchange, 'x-akismet-debug-help') ?? undefined
  // superagent rejects non-2xx answers with `status`, socket failures with a Node error `code`.
  if (typeof status === 'number') {
    return new AkismetError('http', { status, debugHelp, cause: error })
  }
  if (typeof code === 'string' || !exchange.response) {
    return new AkismetError('network', {
      detail: typeof code === 'string' ? code : String(message),
      cause: error,
    })
  }
  // A 2xx answer akismet-api could not read: its own message for a body of `invalid`, or the body.
  if (message === 'Invalid API key') {
    return new AkismetError('invalid-key', { debugHelp, cause: error })
  }
  if (debugHelp) return new AkismetError('debug-help', { debugHelp, cause: error })
  return new AkismetError('unexpected', { detail: String(message).slice(0, 200), cause: error })
}

/** Runs one akismet-api call under our deadline and collects the response it saw. */
export function withDeadline<T>(
  timeoutMs: number,
  call: () => PromiseLike<T>,
): Promise<{ value: T; exchange: Exchange }> {
  const exchange: Exchange = { requests: [], response: null }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      for (const request of exchange.requests) request.destroy()
      reject(new AkismetError('timeout', { timeoutMs }))
    }, timeoutMs)
    // A rejection after the timeout (from the destroyed socket) settles nothing: already rejected.
    Promise.resolve()
      .then(() => currentExchange.run(exchange, call))
      .then(
        (value) => resolve({ value, exchange }),
        (error: unknown) => reject(toAkismetError(error, exchange)),
      )
      .finally(() => clearTimeout(timer))
  })
}
