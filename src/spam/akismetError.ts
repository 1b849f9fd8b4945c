export type AkismetErrorKind =
  'timeout' | 'network' | 'http' | 'invalid-key' | 'debug-help' | 'unexpected'

export type AkismetErrorDetails = {
  timeoutMs?: number
  status?: number
  debugHelp?: string
  /** A short technical detail: a socket error code or the start of an unexpected body. */
  detail?: string
  cause?: unknown
}

// Moderators read these next to a comment held for review, so they say what happened, not how.
const messages: Record<AkismetErrorKind, (d: AkismetErrorDetails) => string> = {
  timeout: (d) => `Akismet did not answer within ${d.timeoutMs} ms`,
  network: (d) => `Akismet could not be reached${d.detail ? ` (${d.detail})` : ''}`,
  http: (d) =>
    `Akismet answered with HTTP status ${d.status}${d.debugHelp ? `: ${d.debugHelp}` : ''}`,
  'invalid-key': () => 'Akismet refused the API key (check AKISMET_API_KEY)',
  'debug-help': (d) => `Akismet could not use the request: ${d.debugHelp}`,
  unexpected: (d) => `Akismet gave an unexpected answer: "${d.detail ?? ''}"`,
}

const codes: Record<AkismetErrorKind, string> = {
  timeout: 'AKISMET_TIMEOUT',
  network: 'AKISMET_NETWORK',
  http: 'AKISMET_HTTP',
  'invalid-key': 'AKISMET_INVALID_KEY',
  'debug-help': 'AKISMET_DEBUG_HELP',
  unexpected: 'AKISMET_UNEXPECTED',
}

/** Every way an Akismet call can fail; `code` is stable for logs and stored check records. */
export class AkismetError extends Error {
  override name = 'AkismetError'
  readonly kind: AkismetErrorKind
  readonly code: string
  readonly status?: number
  readonly debugHelp?: string

  constructor(kind: AkismetErrorKind, details: AkismetErrorDetails = {}) {
    super(
      messages[kind](details),
      details.cause === undefined ? undefined : { cause: details.cause },
    )
    this.kind = kind
    this.code = codes[kind]
    if (details.status !== undefined) this.status = details.status
    if (details.debugHelp !== undefined) this.debugHelp = details.debugHelp
  }
}
