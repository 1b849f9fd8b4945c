import { randomUUID } from 'node:crypto'
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A local stand-in for Akismet's REST API (https://akismet.com/developers/), close enough that
 * the real akismet-api client cannot tell: form-encoded POSTs to /1.1/comment-check,
 * /1.1/submit-spam, /1.1/submit-ham and /1.1/verify-key, the key in `api_key` (or `key`, the older
 * verify-key form), `blog` and `user_ip` required, plain-text answers with Akismet's headers.
 *
 * comment-check answers by Akismet's documented test values: author `akismet-guaranteed-spam`
 * or `viagra-test-123`, or email `akismet-guaranteed-spam@example.com`, is spam; `user_role`
 * `administrator` is ham. Content containing the blatant marker is spam with
 * `X-akismet-pro-tip: discard`. Like the real service, submit-spam teaches it (here: that
 * author's email is spam from now on) unless the call has `is_test`.
 */
export type FakeAkismetFault = null | 'http500' | 'hang' | 'close' | 'invalid' | 'debug-help'

export type FakeAkismetRequest = {
  path: string
  fields: Record<string, string>
  headers: IncomingHttpHeaders
  /** Settles when the connection that carried this request is closed, by either side. */
  closed: Promise<void>
}

export type FakeAkismet = {
  /** Base URL including the version path, e.g. http://127.0.0.1:40123/1.1 */
  url: string
  validKey: string
  blatantMarker: string
  requests: FakeAkismetRequest[]
  setFault(fault: FakeAkismetFault): void
  stop(): Promise<void>
}

const THANKS = 'Thanks for making the web a better place.'
const ENDPOINTS = ['comment-check', 'submit-spam', 'submit-ham', 'verify-key']
const GUARANTEED_SPAM_AUTHORS = ['akismet-guaranteed-spam', 'viagra-test-123']
const GUARANTEED_SPAM_EMAIL = 'akismet-guaranteed-spam@example.com'

function answer(
  res: ServerResponse,
  body: string,
  opts: { status?: number; debugHelp?: string; proTip?: string } = {},
): void {
  res.statusCode = opts.status ?? 200
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('X-akismet-guid', randomUUID())
  if (opts.debugHelp) res.setHeader('X-akismet-debug-help', opts.debugHelp)
  if (opts.proTip) res.setHeader('X-akismet-pro-tip', opts.proTip)
  res.end(body)
}

export async function startFakeAkismet(
  options: { validKey?: string; blatantMarker?: string } = {},
): Promise<FakeAkismet> {
  const validKey = options.validKey ?? '0123456789ab'
  const blatantMarker = options.blatantMarker ?? 'fake-akismet-blatant-spam'
  const requests: FakeAkismetRequest[] = []
  const learnedSpamEmails = new Set<string>()
  const sockets = new Set<Socket>()
  const socketClosed = new WeakMap<Socket, Promise<void>>()
  let fault: FakeAkismetFault = null
  let stopped: Promise<void> | undefined

  function respond(endpoint: string, fields: Record<string, string>, res: ServerResponse): void {
    const key = fields.api_key ?? fields.key
    if (fault === 'invalid' || key !== validKey) {
      const debugHelp = key ? 'The API key you provided is invalid.' : 'Empty "api_key" value'
      return answer(res, 'invalid', { debugHelp })
    }
    const missing = ['blog', ...(endpoint === 'verify-key' ? [] : ['user_ip'])].find(
      (name) => !fields[name],
    )
    if (missing) {
      const explanation = `Empty "${missing}" value`
      return answer(res, `Missing required field: ${missing}.`, { debugHelp: explanation })
    }
    if (endpoint === 'verify-key') return answer(res, 'valid')
    if (endpoint === 'submit-spam' || endpoint === 'submit-ham') {
      const email = fields.comment_author_email
      if (endpoint === 'submit-spam' && email && !fields.is_test) learnedSpamEmails.add(email)
      return answer(res, THANKS)
    }
    if (fields.user_role === 'administrator') return answer(res, 'false')
    if ((fields.comment_content ?? '').includes(blatantMarker)) {
      return answer(res, 'true', { proTip: 'discard' })
    }
    const email = fields.comment_author_email ?? ''
    const spam =
      GUARANTEED_SPAM_AUTHORS.includes(fields.comment_author ?? '') ||
      email === GUARANTEED_SPAM_EMAIL ||
      learnedSpamEmails.has(email)
    return answer(res, spam ? 'true' : 'false')
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]
      const endpoint = path.replace(/^\/1\.1\//, '')
      const form = (req.headers['content-type'] ?? '').startsWith(
        'application/x-www-form-urlencoded',
      )
      const fields = form
        ? Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
        : {}
      const closed = socketClosed.get(req.socket) ?? Promise.resolve()
      requests.push({ path, fields, headers: req.headers, closed })

      if (!path.startsWith('/1.1/') || !ENDPOINTS.includes(endpoint)) {
        return answer(res, 'Not found', { status: 404 })
      }
      if (req.method !== 'POST' || !form) {
        const debugHelp =
          'Requests must be POSTs with Content-Type application/x-www-form-urlencoded'
        return answer(res, '', { status: 400, debugHelp })
      }
      if (fault === 'hang') return
      if (fault === 'close') return req.socket.destroy()
      if (fault === 'http500') return answer(res, 'Internal Server Error', { status: 500 })
      if (fault === 'debug-help') {
        return answer(res, '', { debugHelp: 'The fake was told to answer with debug help' })
      }
      respond(endpoint, fields, res)
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socketClosed.set(socket, new Promise((resolve) => socket.once('close', () => resolve())))
    socket.once('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/1.1`,
    validKey,
    blatantMarker,
    requests,
    setFault: (next) => {
      fault = next
    },
    stop: () => {
      // Idempotent, so a test may stop it early (connection refused) and afterAll stop it again.
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        for (const socket of sockets) socket.destroy()
      })
      return stopped
    },
  }
}
