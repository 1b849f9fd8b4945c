import { COMMENT_LIMITS, COMMENT_MESSAGES as M } from '@/comments/rules/messages'
import { isWebUrl, validateSubmission } from '@/comments/rules/validateSubmission'

const valid = {
  authorName: 'Pat Reader',
  authorEmail: 'pat@example.com',
  authorUrl: 'https://pat.example.org/',
  body: 'Thanks for the update.',
}

function check(overrides: Record<string, unknown>) {
  return validateSubmission({ ...valid, ...overrides })
}

/** An address of exactly `length` characters. */
function emailOfLength(length: number) {
  const domain = '@example.com'
  return 'r'.repeat(length - domain.length) + domain
}

/** An http(s) address of exactly `length` characters. */
function urlOfLength(length: number) {
  const base = 'https://example.org/'
  return base + 'p'.repeat(length - base.length)
}

describe('comments.validateSubmission', () => {
  it('accepts a valid submission and returns the values to store', () => {
    expect(validateSubmission(valid)).toEqual({ values: valid, errors: [] })
  })

  it('stores a missing website as null', () => {
    for (const authorUrl of [undefined, null, '', '   ']) {
      const { values, errors } = check({ authorUrl })
      expect(errors).toEqual([])
      expect(values.authorUrl).toBeNull()
    }
  })

  describe('cleaning', () => {
    it('strips control characters from name, email and website, which are single-line', () => {
      const { values, errors } = check({
        authorName: 'Pat\u0000 Rea\u0007der\u001b\u007f\u0085',
        authorEmail: 'pat@exa\u0008mple.com',
        authorUrl: 'https://pat.example.org/\u0000path',
      })
      expect(errors).toEqual([])
      expect(values).toMatchObject({
        authorName: 'Pat Reader',
        authorEmail: 'pat@example.com',
        authorUrl: 'https://pat.example.org/path',
      })
    })

    it('removes tabs and line breaks from single-line fields', () => {
      const { values } = check({ authorName: 'Pat\tRea\r\nder\n' })
      expect(values.authorName).toBe('PatReader')
    })

    it('trims name, email and website', () => {
      const { values } = check({
        authorName: '  Pat Reader ',
        authorEmail: ' pat@example.com  ',
        authorUrl: '  https://pat.example.org/ ',
      })
      expect(values).toMatchObject({
        authorName: 'Pat Reader',
        authorEmail: 'pat@example.com',
        authorUrl: 'https://pat.example.org/',
      })
    })

    it('turns CRLF and lone CR into LF in the comment text', () => {
      expect(check({ body: 'one\r\ntwo\rthree\nfour' }).values.body).toBe('one\ntwo\nthree\nfour')
    })

    it('keeps tabs and line feeds in the comment text but strips other control characters', () => {
      const { values } = check({ body: 'a\u0000b\tc\n\u0007d\u000be\u000cf\u007fg\u009fh' })
      expect(values.body).toBe('ab\tc\ndefgh')
    })

    it('stores the comment text as given otherwise: not trimmed, markup kept', () => {
      const body = '  <b>Bold?</b> & <script>alert(1)</script>  \n'
      expect(check({ body }).values.body).toBe(body)
    })
  })

  describe('authorName', () => {
    it('is required', () => {
      for (const authorName of [undefined, null, '', '   ', '\u0000\u0007', '\u200B\u2060']) {
        expect(check({ authorName }).errors).toEqual([
          { path: 'authorName', message: M.nameRequired },
        ])
      }
    })

    it(`accepts ${COMMENT_LIMITS.name} characters and refuses ${COMMENT_LIMITS.name + 1}`, () => {
      expect(check({ authorName: 'n'.repeat(COMMENT_LIMITS.name) }).errors).toEqual([])
      expect(check({ authorName: 'n'.repeat(COMMENT_LIMITS.name + 1) }).errors).toEqual([
        { path: 'authorName', message: M.nameTooLong },
      ])
    })

    it('counts the length after stripping and trimming', () => {
      const authorName = ` ${'n'.repeat(COMMENT_LIMITS.name)}\u0000 `
      expect(check({ authorName }).errors).toEqual([])
    })

    it('must be text', () => {
      expect(check({ authorName: 42 }).errors).toEqual([{ path: 'authorName', message: M.notText }])
    })
  })

  describe('authorEmail', () => {
    it('is required', () => {
      for (const authorEmail of [undefined, null, '', '  ']) {
        expect(check({ authorEmail }).errors).toEqual([
          { path: 'authorEmail', message: M.emailRequired },
        ])
      }
    })

    it.each([
      'pat',
      'pat@',
      '@example.com',
      'pat@example',
      'pat @example.com',
      'pat@@example.com',
      // What the stored field refuses is refused here first, before any database work.
      'zoë@exämple.org',
      'pat..reader@example.com',
      '"pat"@example.com',
    ])('refuses the malformed address %j', (authorEmail) => {
      expect(check({ authorEmail }).errors).toEqual([
        { path: 'authorEmail', message: M.emailInvalid },
      ])
    })

    it.each(['pat@example.com', 'pat.reader+blog@mail.example.gov', 'p@e.io'])(
      'accepts %j',
      (authorEmail) => {
        expect(check({ authorEmail }).errors).toEqual([])
      },
    )

    it(`accepts ${COMMENT_LIMITS.email} characters and refuses ${COMMENT_LIMITS.email + 1}`, () => {
      expect(emailOfLength(COMMENT_LIMITS.email)).toHaveLength(COMMENT_LIMITS.email)
      expect(check({ authorEmail: emailOfLength(COMMENT_LIMITS.email) }).errors).toEqual([])
      expect(check({ authorEmail: emailOfLength(COMMENT_LIMITS.email + 1) }).errors).toEqual([
        { path: 'authorEmail', message: M.emailTooLong },
      ])
    })

    it('must be text', () => {
      expect(check({ authorEmail: ['pat@example.com'] }).errors).toEqual([
        { path: 'authorEmail', message: M.notText },
      ])
    })
  })

  describe('authorUrl', () => {
    it.each(['http://example.org', 'https://example.org/path?q=1#top', 'HTTPS://EXAMPLE.ORG'])(
      'accepts the web address %j',
      (authorUrl) => {
        expect(check({ authorUrl }).errors).toEqual([])
      },
    )

    it.each([
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'ftp://files.example.org/',
      'data:text/html,<script>alert(1)</script>',
      'mailto:pat@example.com',
      'example.org',
      '//example.org',
      'http://',
      'not a url',
    ])('refuses %j', (authorUrl) => {
      expect(check({ authorUrl }).errors).toEqual([{ path: 'authorUrl', message: M.urlInvalid }])
    })

    it(`accepts ${COMMENT_LIMITS.url} characters and refuses ${COMMENT_LIMITS.url + 1}`, () => {
      expect(check({ authorUrl: urlOfLength(COMMENT_LIMITS.url) }).errors).toEqual([])
      expect(check({ authorUrl: urlOfLength(COMMENT_LIMITS.url + 1) }).errors).toEqual([
        { path: 'authorUrl', message: M.urlTooLong },
      ])
    })

    it('must be text', () => {
      expect(check({ authorUrl: { href: 'https://example.org' } }).errors).toEqual([
        { path: 'authorUrl', message: M.notText },
      ])
    })
  })

  describe('body', () => {
    it('is required and not blank', () => {
      for (const body of [undefined, null, '', '   ', '\n\t\r\n ', '\u0000\u0007']) {
        expect(check({ body }).errors).toEqual([{ path: 'body', message: M.bodyRequired }])
      }
    })

    it('is blank when made only of zero-width, bidi and filler characters', () => {
      const invisible = ['\u200B', '\u200C\u200D', '\uFEFF \u2060', '\u202E\u200F', '\u3164\u2800']
      for (const body of invisible) {
        expect(check({ body }).errors).toEqual([{ path: 'body', message: M.bodyRequired }])
      }
      // Visible text with invisible characters in it is a comment.
      expect(check({ body: 'ok\u200B' }).errors).toEqual([])
    })

    it(`accepts ${COMMENT_LIMITS.body} characters and refuses ${COMMENT_LIMITS.body + 1}`, () => {
      expect(check({ body: 'b'.repeat(COMMENT_LIMITS.body) }).errors).toEqual([])
      expect(check({ body: 'b'.repeat(COMMENT_LIMITS.body + 1) }).errors).toEqual([
        { path: 'body', message: M.bodyTooLong },
      ])
    })

    it('counts the length after line breaks are normalised and control characters stripped', () => {
      const body = 'b'.repeat(COMMENT_LIMITS.body - 2) + '\r\n\u0000b'
      const { values, errors } = check({ body })
      expect(errors).toEqual([])
      expect(values.body).toHaveLength(COMMENT_LIMITS.body)
    })

    it('must be text', () => {
      expect(check({ body: true }).errors).toEqual([{ path: 'body', message: M.notText }])
    })
  })

  it('reports every bad field, one error each', () => {
    const { errors } = validateSubmission({
      authorName: '',
      authorEmail: 'nope',
      authorUrl: 'javascript:alert(1)',
      body: 7,
    })
    expect(errors).toEqual([
      { path: 'body', message: M.notText },
      { path: 'authorName', message: M.nameRequired },
      { path: 'authorEmail', message: M.emailInvalid },
      { path: 'authorUrl', message: M.urlInvalid },
    ])
  })

  it('ignores fields it does not know', () => {
    const { values, errors } = check({ status: 'approved', ip: '10.0.0.1' })
    expect(errors).toEqual([])
    expect(Object.keys(values).sort()).toEqual(['authorEmail', 'authorName', 'authorUrl', 'body'])
  })
})

describe('comments.isWebUrl', () => {
  it('is true only for http and https addresses with a host', () => {
    expect(isWebUrl('https://example.org')).toBe(true)
    expect(isWebUrl('http://localhost:3000/x')).toBe(true)
    expect(isWebUrl('javascript:alert(1)')).toBe(false)
    expect(isWebUrl('file:///etc/passwd')).toBe(false)
    expect(isWebUrl('')).toBe(false)
  })
})
