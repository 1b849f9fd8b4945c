import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

export type SunkMessage = {
  from: string
  to: string[]
  raw: string
  subject: string
  text: string
}

export type SmtpSink = {
  url: string
  messages: SunkMessage[]
  waitForMessages(count: number, timeoutMs?: number): Promise<SunkMessage[]>
  /** Answer DATA with this SMTP code (e.g. 451) from now on; null accepts mail again. */
  setFailure(code: number | null): void
  stop(): Promise<void>
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8')
  return body
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=), as nodemailer writes non-ASCII. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
}

/** Just enough MIME for single-part text messages; multipart bodies are left as they are. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n')
  const head = split === -1 ? raw : raw.slice(0, split)
  const body = split === -1 ? '' : raw.slice(split + 4)
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  return {
    subject: decodeHeader(headers.get('subject') ?? ''),
    text: decodeBody(body, encoding).replace(/\r\n$/, ''),
  }
}

/** A real SMTP server on 127.0.0.1 that keeps what it is sent, for tests of outgoing mail. */
export async function startSmtpSink(options: { fail?: boolean } = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = []
  const waiters = new Set<() => void>()
  let failure: number | null = options.fail ? 451 : null

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', () => {
        if (failure !== null) {
          const error: Error & { responseCode?: number } = new Error('Sink told to refuse mail')
          error.responseCode = failure
          return callback(error)
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const { mailFrom, rcptTo } = session.envelope
        messages.push({
          from: mailFrom ? mailFrom.address : '',
          to: rcptTo.map((recipient) => recipient.address),
          raw,
          ...parseMessage(raw),
        })
        waiters.forEach((wake) => wake())
        callback()
      })
    },
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.server.address() as AddressInfo

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMessages(count, timeoutMs = 5_000) {
      if (messages.length >= count) return Promise.resolve(messages)
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer)
          waiters.delete(wake)
        }
        const wake = () => {
          if (messages.length < count) return
          done()
          resolve(messages)
        }
        const timer = setTimeout(() => {
          done()
          reject(
            new Error(`SMTP sink got ${messages.length} of ${count} messages in ${timeoutMs} ms`),
          )
        }, timeoutMs)
        waiters.add(wake)
      })
    },
    setFailure(code) {
      failure = code
    },
    stop: () => new Promise<void>((resolve) => server.close(resolve)),
  }
}
