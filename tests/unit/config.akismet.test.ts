import { ConfigError } from '@/config/configError'
import { readAkismetConfig } from '@/config/akismet'

const development = { production: false, serverUrl: 'http://localhost:3000' }
const production = { production: true, serverUrl: 'https://blog.example.gov' }

describe('readAkismetConfig', () => {
  it('turns Akismet off when AKISMET_API_KEY is unset or blank', () => {
    expect(readAkismetConfig({}, development)).toBeNull()
    expect(readAkismetConfig({ AKISMET_API_KEY: '  ' }, production)).toBeNull()
  })

  it('defaults to the public API, a 5 s timeout, the site URL and test mode outside production', () => {
    expect(readAkismetConfig({ AKISMET_API_KEY: 'abc123def456' }, development)).toEqual({
      apiKey: 'abc123def456',
      siteUrl: 'http://localhost:3000',
      apiUrl: 'https://rest.akismet.com/1.1',
      timeoutMs: 5000,
      testMode: true,
      retryIntervalMs: 20 * 60_000,
      giveUpAfterMs: 15 * 24 * 60 * 60_000,
    })
  })

  it('turns test mode off by default in production', () => {
    expect(readAkismetConfig({ AKISMET_API_KEY: 'abc123def456' }, production)?.testMode).toBe(false)
  })

  it('takes every setting from the environment', () => {
    const config = readAkismetConfig(
      {
        AKISMET_API_KEY: ' abc123def456 ',
        AKISMET_SITE_URL: 'https://www.example.gov/',
        AKISMET_API_URL: 'http://127.0.0.1:4010/akismet/1.1/',
        AKISMET_TIMEOUT_MS: '1500',
        AKISMET_TEST_MODE: 'TRUE',
        AKISMET_RETRY_MINUTES: '0.5',
        AKISMET_GIVE_UP_DAYS: '2',
      },
      production,
    )
    expect(config).toEqual({
      apiKey: 'abc123def456',
      siteUrl: 'https://www.example.gov/',
      apiUrl: 'http://127.0.0.1:4010/akismet/1.1',
      timeoutMs: 1500,
      testMode: true,
      retryIntervalMs: 30_000,
      giveUpAfterMs: 2 * 24 * 60 * 60_000,
    })
  })

  it.each([
    ['0', false],
    ['1', true],
    ['false', false],
  ])('reads AKISMET_TEST_MODE=%s as %s', (value, expected) => {
    const config = readAkismetConfig(
      { AKISMET_API_KEY: 'k1', AKISMET_TEST_MODE: value },
      development,
    )
    expect(config?.testMode).toBe(expected)
  })

  it.each([
    ['AKISMET_API_KEY', 'abc 123'],
    ['AKISMET_API_KEY', '"abc123"'],
    ['AKISMET_SITE_URL', 'blog.example.gov'],
    ['AKISMET_SITE_URL', 'ftp://blog.example.gov'],
    ['AKISMET_API_URL', 'rest.akismet.com/1.1'],
    ['AKISMET_API_URL', 'ftp://rest.akismet.com/1.1'],
    ['AKISMET_API_URL', 'https://rest.akismet.com'],
    ['AKISMET_API_URL', 'https://rest.akismet.com/'],
    ['AKISMET_API_URL', 'https://user:pass@rest.akismet.com/1.1'],
    ['AKISMET_API_URL', 'https://rest.akismet.com/1.1?x=1'],
    ['AKISMET_TIMEOUT_MS', 'soon'],
    ['AKISMET_TIMEOUT_MS', '99'],
    ['AKISMET_TIMEOUT_MS', '60001'],
    ['AKISMET_TIMEOUT_MS', '1500.5'],
    ['AKISMET_TIMEOUT_MS', '-200'],
    ['AKISMET_TEST_MODE', 'yes'],
    ['AKISMET_RETRY_MINUTES', '0'],
    ['AKISMET_RETRY_MINUTES', 'often'],
    ['AKISMET_RETRY_MINUTES', '1441'],
    ['AKISMET_GIVE_UP_DAYS', '-1'],
    ['AKISMET_GIVE_UP_DAYS', '366'],
  ])('refuses %s=%s with a ConfigError naming it', (name, value) => {
    const read = () =>
      readAkismetConfig({ AKISMET_API_KEY: 'abc123def456', [name]: value }, development)
    expect(read).toThrow(ConfigError)
    expect(read).toThrow(new RegExp(`^${name}`))
  })

  it('names SERVER_URL when the default site URL is unusable', () => {
    const read = () =>
      readAkismetConfig({ AKISMET_API_KEY: 'k1' }, { production: false, serverUrl: 'localhost' })
    expect(read).toThrow(/SERVER_URL/)
  })

  it('checks the other variables even while the key is unset', () => {
    expect(() => readAkismetConfig({ AKISMET_TIMEOUT_MS: 'soon' }, development)).toThrow(
      /AKISMET_TIMEOUT_MS/,
    )
  })

  it('never repeats the key in its message', () => {
    expect(() => readAkismetConfig({ AKISMET_API_KEY: 'secret value' }, development)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret value') }),
    )
  })
})
