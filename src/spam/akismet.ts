import { AsyncLocalStorage } from 'node:async_hooks'
import { subscribe } from 'node:diagnostics_channel'
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http'

import { AkismetClient } from 'akismet-api'

import type { AkismetConfig } from './akismetConfig'
import { AkismetError } from './akismetError'

export type SpamCheckInput = {
  userIp: string
  userAgent: string
  referrer?: string | null
  permalink: string
  commentType: 'comment' | 'reply'
  authorName: string
  authorEmail: string
  authorUrl?: string | null
  content: string
  commentDate: Date
  postModified?: Date | null
  blogLang: string
  blogCharset: string
  honeypotFieldName: string
  honeypotValue: string
  userRole?: string | null
}

export type SpamCheckResult = {
  verdict: 'spam' | 'ham'
  /** Akismet's `X-akismet-pro-tip: discard`: blatant spam, safe to drop without review. */
  discard: boolean
  proTip: string | null
  guid: string | null
  checkedAt: string
}

export type SpamReportResult = { guid: string | null; reportedAt: string }

export interface SpamChecker {
  /** True for a valid key, false for an invalid one; throws AkismetError on any fault. */
  verifyKey(): Promise<boolean>
  /** Throws AkismetError on every fault: a caller never mistakes a failure for a verdict. */
  check(input: SpamCheckInput): Promise<SpamCheckResult>
  submitSpam(input: SpamCheckInput): Promise<SpamReportResult>
  submitHam(input: SpamCheckInput): Promise<SpamReportResult>
}

const SUBMIT_THANKS = 'Thanks for making the web a better place.'

// Every name akismet-api maps (mapAliases) or sets itself: a honeypot field with one of these
// names would overwrite a real field, or be overwritten, on the way out.
const RESERVED_NAMES = new Set([
  ...['blog', 'blog_lang', 'lang', 'blog_charset', 'charset', 'api_key', 'key'],
  ...['user_ip', 'ip', 'user_agent', 'useragent', 'referrer', 'referer', 'permalink'],
  ...['comment_author', 'name', 'comment_author_email', 'email', 'comment_author_url', 'url'],
  ...['comment_content', 'content', 'comment_type', 'type', 'comment_date_gmt', 'date'],
  ...['comment_post_modified_gmt', 'permalinkDate', 'user_role', 'role', 'is_test', 'isTest'],
  ...['honeypot', 'honeypot_field_name'],
])

/**
 * The form fields of comment-check, submit-spam and submit-ham, without `api_key` (added on the
 * way out, and kept out of here so that storing "the data of the original check" never stores the
 * key). Empty optional values are left out; the honeypot field is always sent, even empty.
 */
export function akismetFields(
  input: SpamCheckInput,
  config: Pick<AkismetConfig, 'siteUrl' | 'testMode'>,
): Record<string, string> {
  const honeypot = input.honeypotFieldName
  if (!honeypot || RESERVED_NAMES.has(honeypot)) {
    throw new TypeError(
      `"${honeypot}" cannot be the honeypot field name: it is empty or an Akismet field`,
    )
  }
  const fields: Record<string, string | null | undefined> = {
    blog: config.siteUrl,
    user_ip: input.userIp,
    user_agent: input.userAgent,
    referrer: input.referrer,
    permalink: input.permalink,
    comment_type: input.commentType,
    comment_author: input.authorName,
    comment_author_email: input.authorEmail,
    comment_author_url: input.authorUrl,
    comment_content: input.content,
    comment_date_gmt: input.commentDate.toISOString(),
    comment_post_modified_gmt: input.postModified?.toISOString(),
    blog_lang: input.blogLang,
    blog_charset: input.blogCharset,
    is_test: config.testMode ? 'true' : undefined,
    user_role: input.userRole,
  }
  const sent: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields)) if (value) sent[name] = value
  return { ...sent, honeypot_field_name: honeypot, [honeypot]: input.honeypotValue }
}

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

function header(exchange: Exchange, name: string): string | null {
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
function withDeadline<T>(
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

type ConfigurableClient = AkismetClient & {
  endpoint: string
  rootEndpoint: string
  requestOpts: Record<string, string>
}

/**
 * A client per call, because akismet-api sends blog_lang and blog_charset only from its options.
 * Its endpoint normally puts the key in the host name (KEY.rest.akismet.com), which cannot work
 * for a base URL such as a loopback test server; Akismet also takes the key as the `api_key`
 * field, which is what we configure here.
 */
function clientFor(config: AkismetConfig, lang?: string, charset?: string): ConfigurableClient {
  const base = new URL(config.apiUrl)
  const client = new AkismetClient({
    key: config.apiKey,
    blog: config.siteUrl,
    protocol: base.protocol.slice(0, -1),
    host: base.host,
    version: base.pathname.slice(1),
    ...(lang ? { blog_lang: lang } : {}),
    ...(charset ? { blog_charset: charset } : {}),
  }) as ConfigurableClient
  client.endpoint = client.rootEndpoint
  client.requestOpts.api_key = config.apiKey
  return client
}

export function createAkismetChecker(
  config: AkismetConfig,
  deps: { now?: () => Date } = {},
): SpamChecker {
  const now = deps.now ?? (() => new Date())

  async function submit(kind: 'submitSpam' | 'submitHam', input: SpamCheckInput) {
    const fields = akismetFields(input, config)
    const client = clientFor(config, fields.blog_lang, fields.blog_charset)
    // The typings say void; akismet-api actually resolves to superagent's response.
    const { value, exchange } = await withDeadline(config.timeoutMs, () =>
      client[kind](fields as Parameters<AkismetClient['submitSpam']>[0]),
    )
    const text = (value as unknown as { text?: string } | undefined)?.text ?? ''
    if (text !== SUBMIT_THANKS) {
      const debugHelp = header(exchange, 'x-akismet-debug-help') ?? undefined
      if (text === 'invalid') throw new AkismetError('invalid-key', { debugHelp })
      if (debugHelp) throw new AkismetError('debug-help', { debugHelp })
      throw new AkismetError('unexpected', { detail: text.slice(0, 200) })
    }
    return { guid: header(exchange, 'x-akismet-guid'), reportedAt: now().toISOString() }
  }

  return {
    async verifyKey() {
      const { value } = await withDeadline(config.timeoutMs, () => clientFor(config).verifyKey())
      return value
    },

    async check(input) {
      const fields = akismetFields(input, config)
      const client = clientFor(config, fields.blog_lang, fields.blog_charset)
      const { value: spam, exchange } = await withDeadline(config.timeoutMs, () =>
        client.checkSpam(fields as Parameters<AkismetClient['checkSpam']>[0]),
      )
      // Akismet explains a malformed call in this header; its true/false then means nothing.
      const debugHelp = header(exchange, 'x-akismet-debug-help')
      if (debugHelp) throw new AkismetError('debug-help', { debugHelp })
      const proTip = header(exchange, 'x-akismet-pro-tip')
      return {
        verdict: spam ? 'spam' : 'ham',
        discard: spam && proTip === 'discard',
        proTip,
        guid: header(exchange, 'x-akismet-guid'),
        checkedAt: now().toISOString(),
      }
    },

    submitSpam: (input) => submit('submitSpam', input),
    submitHam: (input) => submit('submitHam', input),
  }
}
