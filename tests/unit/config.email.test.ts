import { ConfigError } from '@/config/configError'
import { readEmailConfig } from '@/config/email'

function errorOf(read: () => unknown): Error {
  try {
    read()
  } catch (error) {
    return error as Error
  }
  throw new Error('Expected readEmailConfig to refuse the configuration')
}

describe('readEmailConfig', () => {
  it('needs nothing: no SMTP server, mail from Agency Blog <no-reply@localhost>', () => {
    expect(readEmailConfig({})).toEqual({
      smtpUrl: null,
      from: { name: 'Agency Blog', address: 'no-reply@localhost' },
    })
    expect(readEmailConfig({ SMTP_URL: '  ', MAIL_FROM: '' }).smtpUrl).toBeNull()
  })

  it.each([
    'smtp://mailer:s3cret@mail.example.gov:587',
    'smtps://mailer:s3cret@mail.example.gov:465',
    'smtp://relay.internal:25',
    'smtp://127.0.0.1:2525',
    'smtps://mail.example.gov',
  ])('accepts SMTP_URL %s', (url) => {
    expect(readEmailConfig({ SMTP_URL: ` ${url} ` }).smtpUrl).toBe(url)
  })

  it.each([
    ['Agency Blog <no-reply@agency.example.gov>', 'Agency Blog', 'no-reply@agency.example.gov'],
    [
      '"Office of Outreach, Blog" <blog@agency.example.gov>',
      'Office of Outreach, Blog',
      'blog@agency.example.gov',
    ],
    ['<blog@agency.example.gov>', '', 'blog@agency.example.gov'],
    ['blog@agency.example.gov', '', 'blog@agency.example.gov'],
  ])('accepts MAIL_FROM %s', (value, name, address) => {
    expect(readEmailConfig({ MAIL_FROM: value }).from).toEqual({ name, address })
  })

  it.each([
    ['http://mailer:hunter2pass@mail.example.gov', /SMTP_URL scheme "http:" is not supported/],
    ['mail.example.gov:587', /SMTP_URL scheme "mail.example.gov:" is not supported/],
    ['smtp://mailer:hunter2pass@', /SMTP_URL is not a valid URL/],
    ['smtp://mailer:hunter2pass@mail.example.gov:99999', /SMTP_URL is not a valid URL/],
    ['smtp://mailer:hunter2pass@mail.example.gov:0', /SMTP_URL port 0/],
    ['smtp:mailer:hunter2pass', /SMTP_URL has no host/],
    ['not a url at all hunter2pass', /SMTP_URL is not a valid URL/],
  ])('refuses SMTP_URL %s with one line that never repeats the password', (url, message) => {
    const error = errorOf(() => readEmailConfig({ SMTP_URL: url }))
    expect(error).toBeInstanceOf(ConfigError)
    expect(error.message).toMatch(message)
    expect(error.message).toMatch(/expected smtp:\/\/user:pass@host:port or smtps:\/\//)
    expect(error.message).not.toContain('hunter2pass')
    expect(error.message).not.toContain('\n')
  })

  it.each([
    'Agency Blog',
    'Agency Blog <not-an-address>',
    'two words@example.gov',
    'Agency <Blog> <blog@example.gov>',
    'blog@example.gov\r\nBcc: everyone@example.gov',
  ])('refuses MAIL_FROM %j', (value) => {
    const error = errorOf(() => readEmailConfig({ MAIL_FROM: value }))
    expect(error).toBeInstanceOf(ConfigError)
    expect(error.message).toMatch(/^MAIL_FROM ".*" is not an email address; expected/)
    expect(error.message).not.toContain('\n')
  })
})
