import { threadClosure, type AutoCloseSettings } from '@/comments/rules/threadClosure'

const DAY_MS = 24 * 60 * 60 * 1000
const PUBLISHED = '2026-03-01T12:00:00.000Z'
const published = Date.parse(PUBLISHED)

const openPost = {
  archived: false,
  commentStatus: 'open' as const,
  publishedAt: PUBLISHED,
}
const autoCloseOff: AutoCloseSettings = { autoCloseThreads: false, autoCloseDays: 14 }
const autoClose = (days: number | null): AutoCloseSettings => ({
  autoCloseThreads: true,
  autoCloseDays: days,
})

describe('comments.threadClosure', () => {
  it('is null for an open, unarchived post', () => {
    expect(threadClosure(openPost, autoCloseOff, new Date(published + 1000 * DAY_MS))).toBeNull()
  })

  it('reports a thread closed by staff, with when', () => {
    const post = {
      ...openPost,
      commentStatus: 'closed' as const,
      commentsClosedAt: '2026-03-05T09:00:00.000Z',
    }
    expect(threadClosure(post, autoCloseOff)).toEqual({
      reason: 'closed',
      since: '2026-03-05T09:00:00.000Z',
    })
    expect(threadClosure({ ...post, commentsClosedAt: undefined }, autoCloseOff)).toEqual({
      reason: 'closed',
      since: null,
    })
  })

  it('reports an archived post, ahead of its own closure', () => {
    const post = {
      ...openPost,
      archived: true,
      archivedAt: '2026-04-01T00:00:00.000Z',
      commentStatus: 'closed' as const,
      commentsClosedAt: '2026-04-01T00:00:00.000Z',
    }
    expect(threadClosure(post, autoClose(1))).toEqual({
      reason: 'archived',
      since: '2026-04-01T00:00:00.000Z',
    })
  })

  it('reports an archived post even if its thread was left open', () => {
    expect(threadClosure({ ...openPost, archived: true }, autoCloseOff)).toEqual({
      reason: 'archived',
      since: null,
    })
  })

  describe('auto-close', () => {
    it('keeps the thread open until N days after publication, and closes it at that moment', () => {
      const closesAt = published + 14 * DAY_MS
      expect(threadClosure(openPost, autoClose(14), new Date(closesAt - 1))).toBeNull()
      expect(threadClosure(openPost, autoClose(14), new Date(closesAt))).toEqual({
        reason: 'auto-closed',
        since: new Date(closesAt).toISOString(),
      })
      expect(threadClosure(openPost, autoClose(14), new Date(closesAt + DAY_MS))).toEqual({
        reason: 'auto-closed',
        since: new Date(closesAt).toISOString(),
      })
    })

    it('uses the number of days in the settings', () => {
      const at = new Date(published + 3 * DAY_MS)
      expect(threadClosure(openPost, autoClose(3), at)?.reason).toBe('auto-closed')
      expect(threadClosure(openPost, autoClose(4), at)).toBeNull()
    })

    it('defaults to 14 days when the number is unset', () => {
      expect(threadClosure(openPost, autoClose(null), new Date(published + 14 * DAY_MS - 1))).toBe(
        null,
      )
      expect(
        threadClosure(openPost, autoClose(null), new Date(published + 14 * DAY_MS))?.reason,
      ).toBe('auto-closed')
    })

    it('does nothing while the setting is off', () => {
      expect(threadClosure(openPost, autoCloseOff, new Date(published + 3650 * DAY_MS))).toBeNull()
      expect(
        threadClosure(
          openPost,
          { autoCloseThreads: null, autoCloseDays: 1 },
          new Date(published + 2 * DAY_MS),
        ),
      ).toBeNull()
    })

    it('leaves a post without a publication date open', () => {
      expect(
        threadClosure({ ...openPost, publishedAt: null }, autoClose(1), new Date(published)),
      ).toBeNull()
    })

    it('reports a closed thread as closed, not auto-closed', () => {
      const post = { ...openPost, commentStatus: 'closed' as const }
      const at = new Date(published + 30 * DAY_MS)
      expect(threadClosure(post, autoClose(14), at)?.reason).toBe('closed')
    })

    it('takes the current time by default', () => {
      const recent = { ...openPost, publishedAt: new Date(Date.now() - 2 * DAY_MS).toISOString() }
      expect(threadClosure(recent, autoClose(1))?.reason).toBe('auto-closed')
      expect(threadClosure(recent, autoClose(3))).toBeNull()
    })
  })
})
