import { parseQueueFilter, queueParams } from '@/comments/queue/queueFilter'
import { suspicionsOf } from '@/comments/queue/suspicion'
import { MODERATION_ACTIONS, statusAfter } from '@/comments/rules/moderationActions'
import { COMMENT_STATUSES } from '@/comments/rules/statuses'
import { excerptOf, highlightSegments } from '@/admin/ModerationView/highlightSegments'
import { undoActionFor } from '@/admin/ModerationView/queueActions'

describe('moderation queue: undo', () => {
  it.each(
    MODERATION_ACTIONS.flatMap((action) => COMMENT_STATUSES.map((from) => [action, from] as const)),
  )('undoes %s from %s, back to the status it had', (action, from) => {
    const after = statusAfter(action, { status: from, previousStatus: null })
    if ('refused' in after || after.status === from) {
      expect('refused' in after || undoActionFor(action, from) === null).toBe(true)
      return
    }
    const undo = undoActionFor(action, from)
    expect(undo).not.toBeNull()
    // trackStatusChange records the status before a change as previousStatus.
    expect(statusAfter(undo!, { status: after.status, previousStatus: from })).toEqual({
      status: from,
    })
  })
})

describe('moderation queue: filter from the address', () => {
  it('reads every parameter and writes the same address back', () => {
    const params = { status: 'spam', q: ' casino ', post: '12', sort: 'oldest', size: '50' }
    const { filter, errors } = parseQueueFilter(params)
    expect(errors).toEqual([])
    expect(filter).toMatchObject({ status: 'spam', q: 'casino', post: '12', pageSize: 50 })
    expect(Object.fromEntries(queueParams(filter))).toEqual({ ...params, q: 'casino' })
  })

  it('refuses a page size over the maximum, naming the allowed ones, and keeps the default', () => {
    const { filter, errors } = parseQueueFilter({ size: '1000' })
    expect(filter.pageSize).toBe(20)
    expect(errors).toEqual([{ path: 'size', message: 'size must be one of 20, 50, 100' }])
  })
})

describe('moderation queue: what a moderator must see', () => {
  it('marks links and listed words, leaving the rest as text', () => {
    expect(
      highlightSegments('Win at CASINO: https://x.example/a, or www.y.example', ['casino']),
    ).toEqual([
      { text: 'Win at ', kind: 'text' },
      { text: 'CASINO', kind: 'word' },
      { text: ': ', kind: 'text' },
      { text: 'https://x.example/a,', kind: 'link' },
      { text: ' or ', kind: 'text' },
      { text: 'www.y.example', kind: 'link' },
    ])
  })

  it('does not treat listed words as patterns', () => {
    expect(highlightSegments('a.b a+b', ['a+b']).map((s) => s.kind)).toEqual(['text', 'word'])
  })

  it('calls a comment suspicious for links, a rule, or Akismet', () => {
    const plain = { body: 'Thanks.', statusReason: null, spamVerdict: 'ham' }
    expect(suspicionsOf(plain)).toEqual([])
    expect(suspicionsOf({ ...plain, body: 'see http://a.example' })).toEqual(['1 link'])
    expect(suspicionsOf({ ...plain, statusReason: 'Moderation word "cheap" in name' })).toEqual([
      'listed word',
    ])
    expect(suspicionsOf({ ...plain, spamVerdict: 'spam' })).toEqual(['Akismet: spam'])
  })

  it('cuts an excerpt at a word', () => {
    expect(excerptOf('one two three four', 12)).toBe('one two…')
    expect(excerptOf('short', 12)).toBe('short')
  })
})
