import {
  MODERATION_ACTIONS,
  statusAfter,
  type ModerationAction,
} from '@/comments/rules/moderationActions'
import { COMMENT_STATUSES, type CommentStatus } from '@/comments/rules/statuses'

const comment = (status: CommentStatus, previousStatus: CommentStatus | null = null) => ({
  status,
  previousStatus,
})

describe('comments.moderationActions', () => {
  it('offers exactly the six actions of the moderation queue', () => {
    expect([...MODERATION_ACTIONS]).toEqual([
      'approve',
      'unapprove',
      'spam',
      'not-spam',
      'trash',
      'restore',
    ])
  })

  describe.each(COMMENT_STATUSES)('from %s', (status) => {
    it('approve gives approved', () => {
      expect(statusAfter('approve', comment(status))).toEqual({ status: 'approved' })
    })

    it('spam gives spam', () => {
      expect(statusAfter('spam', comment(status))).toEqual({ status: 'spam' })
    })

    it('trash gives trash', () => {
      expect(statusAfter('trash', comment(status))).toEqual({ status: 'trash' })
    })
  })

  describe('unapprove', () => {
    it('returns an approved comment to pending', () => {
      expect(statusAfter('unapprove', comment('approved', 'pending'))).toEqual({
        status: 'pending',
      })
    })

    it.each(['pending', 'spam', 'trash'] as const)('does not apply to a %s comment', (status) => {
      expect(statusAfter('unapprove', comment(status))).toEqual({
        refused: 'Only an approved comment can be unapproved',
      })
    })
  })

  describe.each([
    ['not-spam', 'spam', 'Only a comment marked as spam can be marked as not spam'],
    ['restore', 'trash', 'Only a comment in the trash can be restored'],
  ] as const)('%s', (action: ModerationAction, from, refusal) => {
    it.each(['approved', 'pending', from === 'spam' ? 'trash' : 'spam'] as const)(
      `returns a ${from} comment to its previous status (%s)`,
      (previous) => {
        expect(statusAfter(action, comment(from, previous))).toEqual({ status: previous })
      },
    )

    it(`returns a ${from} comment with no previous status to pending`, () => {
      expect(statusAfter(action, comment(from, null))).toEqual({ status: 'pending' })
      expect(statusAfter(action, { status: from })).toEqual({ status: 'pending' })
    })

    it(`returns a ${from} comment whose previous status was also ${from} to pending`, () => {
      expect(statusAfter(action, comment(from, from))).toEqual({ status: 'pending' })
    })

    it.each(COMMENT_STATUSES.filter((status) => status !== from))(
      'does not apply to a %s comment',
      (status) => {
        expect(statusAfter(action, comment(status, from))).toEqual({ refused: refusal })
      },
    )
  })
})
