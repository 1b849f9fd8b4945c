import { jest } from '@jest/globals'

import {
  countLinks,
  decideStatus,
  findListedWord,
  wordList,
  type ModeratedComment,
  type ModerationSettings,
} from '@/comments/rules/moderationRules'

const comment: ModeratedComment = {
  authorName: 'Pat Reader',
  authorEmail: 'pat@example.com',
  authorUrl: 'https://pat.example.org/',
  body: 'Thanks for the update.',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
}

const defaults: ModerationSettings = {
  moderationMode: 'first-time',
  moderationWords: '',
  disallowedWords: '',
  linkLimit: 2,
}

/** Lookups whose first-time check answers `approvedBefore`, counting how often it is asked. */
function lookups({ staffRole = null as string | null, approvedBefore = false } = {}) {
  const hasApprovedComment = jest.fn(async () => approvedBefore)
  return { staffRole, hasApprovedComment }
}

function decide(
  overrides: Partial<ModeratedComment> = {},
  settings: Partial<ModerationSettings> = {},
  lookup = lookups(),
) {
  return decideStatus({ ...comment, ...overrides }, { ...defaults, ...settings }, lookup)
}

describe('comments.wordList', () => {
  it('takes one trimmed entry per non-blank line', () => {
    expect(wordList('  casino \r\n\n\tcheap pills\n   \n203.0.113.')).toEqual([
      'casino',
      'cheap pills',
      '203.0.113.',
    ])
  })

  it('is empty for no setting', () => {
    expect(wordList(null)).toEqual([])
    expect(wordList(undefined)).toEqual([])
    expect(wordList('\n  \n')).toEqual([])
  })
})

describe('comments.findListedWord', () => {
  it.each([
    ['authorName', 'name'],
    ['authorEmail', 'email'],
    ['authorUrl', 'website'],
    ['body', 'text'],
    ['ip', 'IP address'],
    ['userAgent', 'user agent'],
  ] as const)('finds a word in %s and says where (%s)', (field, label) => {
    const found = findListedWord({ ...comment, [field]: `xx MARKER xx` }, ['marker'])
    expect(found).toEqual({ word: 'marker', field: label })
  })

  it('matches case-insensitively, both ways, and inside words', () => {
    expect(findListedWord({ ...comment, body: 'Built on WordPress' }, ['PRESS'])).toEqual({
      word: 'PRESS',
      field: 'text',
    })
  })

  it('answers with the first listed word found, checking fields in order', () => {
    const found = findListedWord({ ...comment, authorName: 'beta', body: 'alpha and beta' }, [
      'gamma',
      'beta',
      'alpha',
    ])
    expect(found).toEqual({ word: 'beta', field: 'name' })
  })

  it('skips empty fields and finds nothing when no word matches', () => {
    const bare = { ...comment, authorUrl: null, ip: null, userAgent: null }
    expect(findListedWord(bare, ['linux', 'https', '203.0.113'])).toBeNull()
    expect(findListedWord(comment, [])).toBeNull()
  })
})

describe('comments.countLinks', () => {
  it.each([
    ['no links here', 0],
    ['see http://a.example', 1],
    ['see HTTPS://A.EXAMPLE/path and www.b.example', 2],
    ['http://a.example http://b.example https://c.example', 3],
    ['https://www.a.example/ counts once', 1],
    ['ftp://a.example and mailto:pat@example.com are not links', 0],
    ['awww.example is not an address; example.com is not counted', 0],
    ['<a href="http://a.example">x</a>', 1],
  ])('counts %j as %i', (body, expected) => {
    expect(countLinks(body)).toBe(expected)
  })
})

describe('comments.decideStatus', () => {
  describe('staff', () => {
    it('approves a signed-in staff member before any other rule, without the lookup', async () => {
      const lookup = lookups({ staffRole: 'editor' })
      const decision = await decide(
        { body: 'casino http://a.example http://b.example' },
        { moderationMode: 'all', disallowedWords: 'casino', moderationWords: 'casino' },
        lookup,
      )
      expect(decision).toEqual({
        status: 'approved',
        reason: 'Posted by signed-in staff (editor)',
        rule: 'staff comment',
      })
      expect(lookup.hasApprovedComment).not.toHaveBeenCalled()
    })
  })

  describe('disallowed words', () => {
    it('send the comment to the trash, saying which word and where', async () => {
      const lookup = lookups()
      const decision = await decide(
        { authorEmail: 'deals@CASINO.example' },
        { disallowedWords: 'pills\ncasino' },
        lookup,
      )
      expect(decision).toEqual({
        status: 'trash',
        reason: 'Disallowed word "casino" in email',
        rule: 'disallowed words',
      })
      expect(lookup.hasApprovedComment).not.toHaveBeenCalled()
    })

    it('match the IP address and user agent too', async () => {
      expect(await decide({}, { disallowedWords: '203.0.113.' })).toMatchObject({
        status: 'trash',
        reason: 'Disallowed word "203.0.113." in IP address',
      })
      expect(await decide({}, { disallowedWords: 'x11' })).toMatchObject({
        status: 'trash',
        reason: 'Disallowed word "x11" in user agent',
      })
    })

    it('beat moderation words, links and the mode', async () => {
      const decision = await decide(
        { body: 'casino http://a.example http://b.example' },
        { disallowedWords: 'casino', moderationWords: 'casino', moderationMode: 'none' },
      )
      expect(decision.rule).toBe('disallowed words')
      expect(decision.status).toBe('trash')
    })
  })

  describe('moderation words', () => {
    it('hold the comment, saying which word and where', async () => {
      const lookup = lookups({ approvedBefore: true })
      const decision = await decide(
        { authorUrl: 'https://Loans.example/' },
        { moderationWords: 'loans' },
        lookup,
      )
      expect(decision).toEqual({
        status: 'pending',
        reason: 'Moderation word "loans" in website',
        rule: 'moderation words',
      })
      expect(lookup.hasApprovedComment).not.toHaveBeenCalled()
    })

    it('beat links and the mode', async () => {
      const decision = await decide(
        { body: 'loans http://a.example http://b.example' },
        { moderationWords: 'loans', moderationMode: 'none' },
      )
      expect(decision).toMatchObject({ status: 'pending', rule: 'moderation words' })
    })
  })

  describe('link limit', () => {
    it('holds a comment with as many links as the limit', async () => {
      const lookup = lookups({ approvedBefore: true })
      const decision = await decide(
        { body: 'See http://a.example and www.b.example' },
        { moderationMode: 'none' },
        lookup,
      )
      expect(decision).toEqual({
        status: 'pending',
        reason: '2 links in the text (held at 2 or more)',
        rule: 'link limit',
      })
      expect(lookup.hasApprovedComment).not.toHaveBeenCalled()
    })

    it('passes a comment with one link fewer than the limit on to the mode', async () => {
      const decision = await decide(
        { body: 'See http://a.example http://b.example' },
        { moderationMode: 'none', linkLimit: 3 },
      )
      expect(decision.rule).toBe('moderation mode: none')
    })

    it('counts links in the text only, not the website field', async () => {
      const decision = await decide(
        { authorUrl: 'https://a.example/', body: 'One link: https://b.example' },
        { moderationMode: 'none' },
      )
      expect(decision.status).toBe('approved')
    })

    it('defaults to 2 when unset', async () => {
      const decision = await decide(
        { body: 'http://a.example http://b.example' },
        { moderationMode: 'none', linkLimit: null as unknown as number },
      )
      expect(decision.rule).toBe('link limit')
    })

    it('is off at 0', async () => {
      const decision = await decide(
        { body: 'http://a.example http://b.example http://c.example' },
        { moderationMode: 'none', linkLimit: 0 },
      )
      expect(decision.status).toBe('approved')
    })

    it('beats the mode', async () => {
      const decision = await decide(
        { body: 'http://a.example http://b.example' },
        { moderationMode: 'first-time' },
        lookups({ approvedBefore: true }),
      )
      expect(decision.rule).toBe('link limit')
    })
  })

  describe('moderation mode', () => {
    it('all: holds every comment, without the lookup', async () => {
      const lookup = lookups({ approvedBefore: true })
      expect(await decide({}, { moderationMode: 'all' }, lookup)).toEqual({
        status: 'pending',
        reason: 'Every comment is held for moderation',
        rule: 'moderation mode: all',
      })
      expect(lookup.hasApprovedComment).not.toHaveBeenCalled()
    })

    it('none: approves a comment that passed every rule, without the lookup', async () => {
      const lookup = lookups()
      expect(await decide({}, { moderationMode: 'none' }, lookup)).toEqual({
        status: 'approved',
        reason: 'Passed every rule',
        rule: 'moderation mode: none',
      })
      expect(lookup.hasApprovedComment).not.toHaveBeenCalled()
    })

    it('first-time: holds a name and email never approved, asking once', async () => {
      const lookup = lookups({ approvedBefore: false })
      expect(await decide({}, { moderationMode: 'first-time' }, lookup)).toEqual({
        status: 'pending',
        reason: 'First comment from this name and email',
        rule: 'moderation mode: first-time',
      })
      expect(lookup.hasApprovedComment).toHaveBeenCalledTimes(1)
    })

    it('first-time: approves a name and email approved before', async () => {
      const lookup = lookups({ approvedBefore: true })
      expect(await decide({}, { moderationMode: 'first-time' }, lookup)).toEqual({
        status: 'approved',
        reason: 'This name and email have an approved comment',
        rule: 'moderation mode: first-time',
      })
      expect(lookup.hasApprovedComment).toHaveBeenCalledTimes(1)
    })

    it('defaults to first-time when unset', async () => {
      const lookup = lookups()
      const decision = await decide(
        {},
        { moderationMode: null as unknown as ModerationSettings['moderationMode'] },
        lookup,
      )
      expect(decision.rule).toBe('moderation mode: first-time')
      expect(lookup.hasApprovedComment).toHaveBeenCalledTimes(1)
    })
  })
})
