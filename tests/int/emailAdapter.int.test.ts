import net from 'node:net'

import { jest } from '@jest/globals'
import nodemailer from 'nodemailer'
import type { Payload } from 'payload'

import { createEmailAdapter, LOG_ADAPTER_NOTICE, SMTP_TIMEOUT_MS } from '@/cms/emailAdapter'
import type { EmailConfig } from '@/config/email'

import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

const from = { name: 'Agency Blog', address: 'no-reply@agency.example.gov' }

// The adapter only needs payload.logger; no database is involved.
function fakePayload() {
  const info = jest.fn()
  return { payload: { logger: { info } } as unknown as Payload, info }
}

function adapterFor(smtpUrl: string | null) {
  const config: EmailConfig = { smtpUrl, from }
  return createEmailAdapter(config)(fakePayload())
}

async function unusedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('email adapter', () => {
  let sink: SmtpSink

  beforeEach(async () => {
    sink = await startSmtpSink()
  })

  afterEach(async () => {
    jest.restoreAllMocks()
    await sink.stop()
  })

  it('delivers a message through SMTP_URL with the default sender', async () => {
    const smtp = adapterFor(sink.url)
    expect(smtp.name).toBe('smtp')
    expect(smtp).toMatchObject({ defaultFromName: 'Agency Blog', defaultFromAddress: from.address })
    const text = `Bonjour Zoë, your comment on “Clean Water Act, Part 2” was approved.\n${'A long line. '.repeat(12)}`

    await smtp.sendEmail({ to: 'reader@example.com', subject: 'Comment approved — merci', text })

    const [message] = await sink.waitForMessages(1)
    expect(message.from).toBe(from.address)
    expect(message.to).toEqual(['reader@example.com'])
    expect(message.subject).toBe('Comment approved — merci')
    expect(message.text).toBe(text.replace(/\n/g, '\r\n'))
    expect(message.raw).toContain('From: Agency Blog <no-reply@agency.example.gov>')
  })

  it('uses the sender a message names instead of the default', async () => {
    await adapterFor(sink.url).sendEmail({
      from: { name: 'Moderators', address: 'moderators@agency.example.gov' },
      to: ['a@example.com', 'b@example.com'],
      subject: 'Two readers',
      text: 'Hello',
    })

    const [message] = await sink.waitForMessages(1)
    expect(message.from).toBe('moderators@agency.example.gov')
    expect(message.to).toEqual(['a@example.com', 'b@example.com'])
    expect(message.raw).toContain('From: Moderators <moderators@agency.example.gov>')
  })

  it('rejects with the SMTP reply when the server refuses the message, and works again after', async () => {
    const smtp = adapterFor(sink.url)
    sink.setFailure(451)

    const sending = smtp.sendEmail({ to: 'reader@example.com', subject: 'Refused', text: 'x' })

    await expect(sending).rejects.toThrow(
      /^Sending email through 127\.0\.0\.1:\d+ failed \(EMESSAGE during DATA\): Message failed: 451 Sink told to refuse mail$/,
    )
    expect(sink.messages).toEqual([])

    sink.setFailure(null)
    await smtp.sendEmail({ to: 'reader@example.com', subject: 'Accepted', text: 'y' })
    expect((await sink.waitForMessages(1)).map((message) => message.subject)).toEqual(['Accepted'])
  })

  it('rejects at once, not hangs, when nothing listens on the SMTP port', async () => {
    const port = await unusedPort()
    const started = Date.now()

    const sending = adapterFor(`smtp://mailer:hunter2pass@127.0.0.1:${port}`).sendEmail({
      to: 'reader@example.com',
      subject: 'Nobody home',
      text: 'x',
    })

    const error = await sending.then(
      () => Promise.reject(new Error('sendEmail resolved without a server')),
      (reason: unknown) => reason as Error,
    )
    expect(error.message).toMatch(`Sending email through 127.0.0.1:${port} failed`)
    expect(error.message).toMatch(/ECONNREFUSED/)
    expect(error.message).not.toContain('hunter2pass')
    // nodemailer's own error stays reachable for callers that branch on its code.
    expect(error.cause).toMatchObject({ code: 'ESOCKET' })
    expect(Date.now() - started).toBeLessThan(SMTP_TIMEOUT_MS)
  })

  it('gives nodemailer 10 s connection, greeting and socket timeouts', () => {
    const createTransport = jest.spyOn(nodemailer, 'createTransport')

    adapterFor(sink.url)

    expect(createTransport).toHaveBeenCalledWith({
      url: sink.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 10_000,
    })
  })

  it('without SMTP_URL writes the whole message to the log and sends nothing', async () => {
    const createTransport = jest.spyOn(nodemailer, 'createTransport')
    const { payload, info } = fakePayload()
    const log = createEmailAdapter({ smtpUrl: null, from })({ payload })
    expect(log.name).toBe('log')

    await expect(
      log.sendEmail({
        to: [{ name: 'Zoë Reader', address: 'reader@example.com' }, 'other@example.com'],
        subject: 'Reset your password',
        text: 'Open https://blog.example.gov/admin/reset/abc123 to choose a new password.',
      }),
    ).resolves.toBeUndefined()

    expect(info).toHaveBeenCalledTimes(1)
    expect(info.mock.calls[0][0]).toBe(
      [
        `${LOG_ADAPTER_NOTICE}:`,
        'From: Agency Blog <no-reply@agency.example.gov>',
        'To: Zoë Reader <reader@example.com>, other@example.com',
        'Subject: Reset your password',
        '',
        'Open https://blog.example.gov/admin/reset/abc123 to choose a new password.',
      ].join('\n'),
    )
    expect(LOG_ADAPTER_NOTICE).toBe('SMTP_URL is not set; email written to the log')
    expect(createTransport).not.toHaveBeenCalled()
    expect(sink.messages).toEqual([])
  })
})
