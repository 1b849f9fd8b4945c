import { createAkismetChecker, type SpamCheckInput } from '@/spam/akismet'
import { akismetFields } from '@/spam/akismetFields'
import type { AkismetConfig } from '@/config/akismet'
import { AkismetError } from '@/spam/akismetError'

import { startFakeAkismet, type FakeAkismet } from '../helpers/fakeAkismet'

// The real akismet-api client, through our wrapper, against a local server speaking Akismet's
// protocol: what is tested is what production sends and how it reads the answers.

const clock = () => new Date('2026-03-01T12:00:00.000Z')

const comment = (overrides: Partial<SpamCheckInput> = {}): SpamCheckInput => ({
  userIp: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
  referrer: 'https://blog.example.gov/posts/water-quality',
  permalink: 'https://blog.example.gov/posts/water-quality',
  commentType: 'comment',
  authorName: 'Ada Reader',
  authorEmail: 'ada@example.org',
  authorUrl: 'https://ada.example.org',
  content: 'Thank you for publishing the test results.',
  commentDate: new Date('2026-03-01T11:59:58.000Z'),
  postModified: new Date('2026-02-20T09:00:00.000Z'),
  blogLang: 'en_us',
  blogCharset: 'UTF-8',
  honeypotFieldName: 'website_confirm',
  honeypotValue: '',
  ...overrides,
})

async function akismetErrorOf(call: Promise<unknown>): Promise<AkismetError> {
  try {
    await call
  } catch (error) {
    if (error instanceof AkismetError) return error
    throw error
  }
  throw new Error('Expected the Akismet call to fail, but it succeeded')
}

/** Resolves 'closed' when the promise settles within the limit, else 'still open'. */
async function within(promise: Promise<void>, ms: number): Promise<'closed' | 'still open'> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<'still open'>((resolve) => {
    timer = setTimeout(() => resolve('still open'), ms)
  })
  const outcome = await Promise.race([promise.then(() => 'closed' as const), limit])
  clearTimeout(timer)
  return outcome
}

describe('akismet client', () => {
  let fake: FakeAkismet
  let config: AkismetConfig

  beforeAll(async () => {
    fake = await startFakeAkismet()
  })
  afterAll(async () => {
    await fake.stop()
  })
  beforeEach(() => {
    fake.setFault(null)
    fake.requests.length = 0
    config = {
      apiKey: fake.validKey,
      siteUrl: 'https://blog.example.gov',
      apiUrl: fake.url,
      timeoutMs: 2000,
      testMode: true,
      retryIntervalMs: 20 * 60_000,
      giveUpAfterMs: 15 * 24 * 60 * 60_000,
    }
  })

  it('reports spam for the guaranteed-spam author, with the guid and no discard', async () => {
    const result = await createAkismetChecker(config, { now: clock }).check(
      comment({ authorName: 'akismet-guaranteed-spam' }),
    )
    expect(result).toEqual({
      verdict: 'spam',
      discard: false,
      proTip: null,
      guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      checkedAt: '2026-03-01T12:00:00.000Z',
    })
    expect(fake.requests.map((r) => r.path)).toEqual(['/1.1/comment-check'])
  })

  it('reports blatant spam as discardable from the X-akismet-pro-tip header', async () => {
    const result = await createAkismetChecker(config).check(
      comment({ content: `Cheap pills ${fake.blatantMarker}` }),
    )
    expect(result).toMatchObject({ verdict: 'spam', discard: true, proTip: 'discard' })
    expect(result.guid).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('reports ham for user_role=administrator, even from the guaranteed-spam address', async () => {
    const result = await createAkismetChecker(config).check(
      comment({ userRole: 'administrator', authorEmail: 'akismet-guaranteed-spam@example.com' }),
    )
    expect(result).toMatchObject({ verdict: 'ham', discard: false, proTip: null })
    expect(fake.requests[0].fields.user_role).toBe('administrator')
  })

  it('sends exactly the documented fields, as akismetFields lists them, and no cookies', async () => {
    await createAkismetChecker(config).check(comment({ honeypotValue: 'bot-filled-this' }))
    const [received] = fake.requests
    expect(received.fields).toEqual({
      ...akismetFields(comment({ honeypotValue: 'bot-filled-this' }), config),
      api_key: fake.validKey,
    })
    expect(Object.keys(received.fields).sort()).toEqual(
      [
        'api_key',
        'blog',
        'blog_charset',
        'blog_lang',
        'comment_author',
        'comment_author_email',
        'comment_author_url',
        'comment_content',
        'comment_date_gmt',
        'comment_post_modified_gmt',
        'comment_type',
        'honeypot_field_name',
        'is_test',
        'permalink',
        'referrer',
        'user_agent',
        'user_ip',
        'website_confirm',
      ].sort(),
    )
    expect(received.fields).toMatchObject({
      blog: 'https://blog.example.gov',
      user_ip: '203.0.113.7',
      comment_date_gmt: '2026-03-01T11:59:58.000Z',
      comment_post_modified_gmt: '2026-02-20T09:00:00.000Z',
      blog_lang: 'en_us',
      is_test: 'true',
      honeypot_field_name: 'website_confirm',
      website_confirm: 'bot-filled-this',
    })
    expect(received.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(received.headers.cookie).toBeUndefined()
    expect(received.headers.authorization).toBeUndefined()
  })

  it('leaves out empty optional values but always sends the honeypot, even empty', async () => {
    await createAkismetChecker({ ...config, testMode: false }).check(
      comment({ referrer: null, authorUrl: '', postModified: null, userRole: null }),
    )
    const { fields } = fake.requests[0]
    for (const absent of [
      'referrer',
      'comment_author_url',
      'comment_post_modified_gmt',
      'user_role',
      'is_test',
    ]) {
      expect(fields).not.toHaveProperty(absent)
    }
    expect(Object.values(fields)).not.toContain('undefined')
    expect(fields).toMatchObject({ honeypot_field_name: 'website_confirm', website_confirm: '' })
  })

  it('refuses a honeypot field name that would collide with an Akismet field', () => {
    expect(() => akismetFields(comment({ honeypotFieldName: 'email' }), config)).toThrow(TypeError)
  })

  it('fails with kind invalid-key when Akismet answers `invalid`', async () => {
    const error = await akismetErrorOf(
      createAkismetChecker({ ...config, apiKey: 'wrongkey0000' }).check(comment()),
    )
    expect(error).toMatchObject({ kind: 'invalid-key', code: 'AKISMET_INVALID_KEY' })
    expect(error.debugHelp).toMatch(/invalid/)
    expect(error.message).toMatch(/AKISMET_API_KEY/)
  })

  it('fails with kind debug-help, carrying the header, when Akismet cannot use the request', async () => {
    const missingIp = await akismetErrorOf(
      createAkismetChecker(config).check(comment({ userIp: '' })),
    )
    expect(missingIp).toMatchObject({ kind: 'debug-help', code: 'AKISMET_DEBUG_HELP' })
    expect(missingIp.debugHelp).toMatch(/user_ip/)

    fake.setFault('debug-help')
    const error = await akismetErrorOf(createAkismetChecker(config).check(comment()))
    expect(error).toMatchObject({
      kind: 'debug-help',
      debugHelp: 'The fake was told to answer with debug help',
    })
  })

  it('fails with kind http and the status on a 500', async () => {
    fake.setFault('http500')
    const error = await akismetErrorOf(createAkismetChecker(config).check(comment()))
    expect(error).toMatchObject({ kind: 'http', status: 500, code: 'AKISMET_HTTP' })
  })

  it('gives up after timeoutMs and closes the socket when Akismet never answers', async () => {
    fake.setFault('hang')
    const started = Date.now()
    const error = await akismetErrorOf(
      createAkismetChecker({ ...config, timeoutMs: 300 }).check(comment()),
    )
    const elapsed = Date.now() - started
    expect(error).toMatchObject({ kind: 'timeout', code: 'AKISMET_TIMEOUT' })
    expect(error.message).toBe('Akismet did not answer within 300 ms')
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(1300)
    expect(fake.requests).toHaveLength(1)
    expect(await within(fake.requests[0].closed, 1000)).toBe('closed')
  })

  it('fails with kind network when the connection is closed without an answer', async () => {
    fake.setFault('close')
    const error = await akismetErrorOf(createAkismetChecker(config).check(comment()))
    expect(error).toMatchObject({ kind: 'network', code: 'AKISMET_NETWORK' })
  })

  it('fails with kind network when nothing listens any more', async () => {
    const gone = await startFakeAkismet()
    await gone.stop()
    const error = await akismetErrorOf(
      createAkismetChecker({ ...config, apiUrl: gone.url }).check(comment()),
    )
    expect(error).toMatchObject({ kind: 'network' })
    expect(error.message).toMatch(/ECONNREFUSED/)
  })

  it('submits spam and ham to their endpoints with the same fields as the check', async () => {
    const checker = createAkismetChecker(config, { now: clock })
    const input = comment()
    await expect(checker.submitSpam(input)).resolves.toEqual({
      guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reportedAt: '2026-03-01T12:00:00.000Z',
    })
    await expect(checker.submitHam(input)).resolves.toMatchObject({
      reportedAt: expect.any(String),
    })
    expect(fake.requests.map((r) => r.path)).toEqual(['/1.1/submit-spam', '/1.1/submit-ham'])
    const expected = { ...akismetFields(input, config), api_key: fake.validKey }
    for (const request of fake.requests) expect(request.fields).toEqual(expected)
  })

  it('fails a submission that Akismet does not thank for', async () => {
    fake.setFault('http500')
    const error = await akismetErrorOf(createAkismetChecker(config).submitHam(comment()))
    expect(error).toMatchObject({ kind: 'http', status: 500 })
    fake.setFault('invalid')
    expect(await akismetErrorOf(createAkismetChecker(config).submitSpam(comment()))).toMatchObject({
      kind: 'invalid-key',
    })
  })

  it('lets test-mode reports leave the verdicts alone, as is_test asks', async () => {
    const input = comment({ authorEmail: 'reported@example.org' })
    await createAkismetChecker(config).submitSpam(input)
    expect((await createAkismetChecker(config).check(input)).verdict).toBe('ham')
    await createAkismetChecker({ ...config, testMode: false }).submitSpam(input)
    expect((await createAkismetChecker(config).check(input)).verdict).toBe('spam')
  })

  it('verifies a key: true for the valid key, false for another', async () => {
    await expect(createAkismetChecker(config).verifyKey()).resolves.toBe(true)
    await expect(
      createAkismetChecker({ ...config, apiKey: 'wrongkey0000' }).verifyKey(),
    ).resolves.toBe(false)
    expect(fake.requests.map((r) => r.path)).toEqual(['/1.1/verify-key', '/1.1/verify-key'])
    expect(fake.requests[0].fields).toEqual({
      key: fake.validKey,
      blog: 'https://blog.example.gov',
    })
  })

  it('reports a verify-key timeout as an AkismetError, not as an invalid key', async () => {
    fake.setFault('hang')
    const error = await akismetErrorOf(
      createAkismetChecker({ ...config, timeoutMs: 200 }).verifyKey(),
    )
    expect(error.kind).toBe('timeout')
  })
})
