import { ConfigError } from './configError'

export type EmailConfig = {
  /** null = no SMTP server: emails are written to the log instead of being sent. */
  smtpUrl: string | null
  from: { address: string; name: string }
}

export const DEFAULT_MAIL_FROM = 'Agency Blog <no-reply@localhost>'

const SMTP_URL_FORMS = 'smtp://user:pass@host:port or smtps://user:pass@host:port'

// Deliberately loose: the SMTP server has the last word; this only catches typos and header
// injection (no spaces, angle brackets or line breaks in the address).
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/

function parseSmtpUrl(value: string | undefined): string | null {
  const raw = value?.trim()
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    // The value may hold a password, so none of it is repeated.
    throw new ConfigError(`SMTP_URL is not a valid URL; expected ${SMTP_URL_FORMS}`)
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(
      `SMTP_URL scheme "${url.protocol}" is not supported; expected ${SMTP_URL_FORMS}`,
    )
  }
  if (!url.hostname) {
    throw new ConfigError(`SMTP_URL has no host; expected ${SMTP_URL_FORMS}`)
  }
  if (url.port === '0') {
    throw new ConfigError(`SMTP_URL port 0 is not a port to connect to; expected ${SMTP_URL_FORMS}`)
  }
  return raw
}

function parseMailFrom(value: string | undefined): EmailConfig['from'] {
  const raw = value?.trim() || DEFAULT_MAIL_FROM
  const invalid = () =>
    new ConfigError(
      `MAIL_FROM ${JSON.stringify(raw)} is not an email address; expected "Name <address@example.gov>" or "address@example.gov"`,
    )
  if (/[\r\n]/.test(raw)) throw invalid()
  const named = /^(.*?)\s*<([^<>]*)>$/.exec(raw)
  const name = named ? named[1].trim().replace(/^"(.*)"$/, '$1') : ''
  const address = named ? named[2].trim() : raw
  if (!ADDRESS.test(address) || /[<>"]/.test(name)) throw invalid()
  return { address, name }
}

/**
 * Reads the mail settings once, at start-up. Throws a ConfigError with one line an operator can
 * act on; SMTP_URL is never echoed back because it carries the SMTP password.
 */
export function readEmailConfig(env: Record<string, string | undefined>): EmailConfig {
  return { smtpUrl: parseSmtpUrl(env.SMTP_URL), from: parseMailFrom(env.MAIL_FROM) }
}
