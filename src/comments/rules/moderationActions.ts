import type { Comment } from '@/payload-types'

export const MODERATION_ACTIONS = [
  'approve',
  'unapprove',
  'spam',
  'not-spam',
  'trash',
  'restore',
] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

type Status = Comment['status']

/**
 * The status an action gives a comment, or an explanation of why it does not apply. "Not spam"
 * and "restore" return a comment to the status it had before (pending when that is unknown).
 */
export function statusAfter(
  action: ModerationAction,
  comment: Pick<Comment, 'status' | 'previousStatus'>,
): { status: Status } | { refused: string } {
  const earlier = (skip: Status): Status =>
    comment.previousStatus && comment.previousStatus !== skip ? comment.previousStatus : 'pending'
  switch (action) {
    case 'approve':
      return { status: 'approved' }
    case 'unapprove':
      return comment.status === 'approved'
        ? { status: 'pending' }
        : { refused: 'Only an approved comment can be unapproved' }
    case 'spam':
      return { status: 'spam' }
    case 'not-spam':
      return comment.status === 'spam'
        ? { status: earlier('spam') }
        : { refused: 'Only a comment marked as spam can be marked as not spam' }
    case 'trash':
      return { status: 'trash' }
    case 'restore':
      return comment.status === 'trash'
        ? { status: earlier('trash') }
        : { refused: 'Only a comment in the trash can be restored' }
  }
}
