import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import type { EmailConfig } from '@/config/email'

/**
 * nodemailer's own defaults wait up to two minutes for a connection and ten for a reply, long
 * enough for a dead server to hold a job (or a request) hostage.
 */
export const SMTP_TIMEOUT_MS = 10_000

export const LOG_ADAPTER_NOTICE = 'SMTP_URL is not set; email written to the log'

type Deps = {
  /** An already configured transport; replaces the one built from config.smtpUrl. */
  transport?: Transporter
}

type SmtpFailure = { message?: string; code?: string; command?: string }

/** host:port of the SMTP server, for error messages; never the credentials. */
function serverLabel(smtpUrl: string | null): string {
  if (!smtpUrl) return 'the SMTP server'
  const url = new URL(smtpUrl)
  return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`
}

function smtpError(error: unknown, server: string): Error {
  // nodemailer rejects with an Error carrying code and command; an injected transport may not.
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? error : {}
  const details = [failure.code, failure.command && `during ${failure.command}`]
    .filter(Boolean)
    .join(' ')
  const reason = failure.message || String(error)
  return new Error(
    `Sending email through ${server} failed${details ? ` (${details})` : ''}: ${reason}`,
    { cause: error },
  )
}

function formatAddresses(value: SendMailOptions['to']): string {
  if (!value) return ''
  const list = Array.isArray(value) ? value : [value]
  return list
    .map((entry) =>
      typeof entry === 'string'
        ? entry
        : entry.name
          ? `${entry.name} <${entry.address}>`
          : entry.address,
    )
    .join(', ')
}

function bodyText(message: SendEmailOptions): string {
  const body = message.text ?? message.html
  if (body === undefined) return '(no body)'
  if (typeof body === 'string') return body
  if (Buffer.isBuffer(body)) return body.toString('utf8')
  return '(body is a stream or attachment and is not shown)'
}

function createSmtpAdapter(config: EmailConfig, transport: Transporter): EmailAdapter {
  const server = serverLabel(config.smtpUrl)
  return () => ({
    name: 'smtp',
    defaultFromAddress: config.from.address,
    defaultFromName: config.from.name,
    sendEmail: async (message) => {
      try {
        // A copy: nodemailer writes to the address objects it is given, and the config is frozen.
        return await transport.sendMail({ ...message, from: message.from ?? { ...config.from } })
      } catch (error) {
        throw smtpError(error, server)
      }
    },
  })
}

function createLogAdapter(config: EmailConfig): EmailAdapter {
  return ({ payload }) => ({
    name: 'log',
    defaultFromAddress: config.from.address,
    defaultFromName: config.from.name,
    sendEmail: async (message) => {
      const lines = [
        `${LOG_ADAPTER_NOTICE}:`,
        `From: ${formatAddresses(message.from ?? config.from)}`,
        `To: ${formatAddresses(message.to)}`,
        ...(message.cc ? [`Cc: ${formatAddresses(message.cc)}`] : []),
        ...(message.bcc ? [`Bcc: ${formatAddresses(message.bcc)}`] : []),
        `Subject: ${message.subject ?? ''}`,
        '',
        bodyText(message),
      ]
      payload.logger.info(lines.join('\n'))
    },
  })
}

/**
 * Payload's email adapter, chosen by SMTP_URL: with it, mail goes out through nodemailer and a
 * failure rejects (the caller decides whether to retry or report); without it, a development
 * set-up still shows every email (password resets, notifications) in the log.
 */
export function createEmailAdapter(config: EmailConfig, deps: Deps = {}): EmailAdapter {
  if (deps.transport) return createSmtpAdapter(config, deps.transport)
  if (!config.smtpUrl) return createLogAdapter(config)
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  })
  return createSmtpAdapter(config, transport)
}
