import { AkismetClient } from 'akismet-api'

import type { AkismetConfig } from '@/config/akismet'
import { AkismetError } from './akismetError'
import { header, withDeadline } from './akismetExchange'
import { akismetFields } from './akismetFields'

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
