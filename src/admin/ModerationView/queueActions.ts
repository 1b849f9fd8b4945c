import { MODERATION_ACTIONS, type ModerationAction } from '@/comments/rules/moderationActions'
import type { QueueTab } from '@/comments/queue/queueFilter'
import type { CommentStatus } from '@/comments/rules/statuses'

export type { QueueTab }

export const QUEUE_TABS: { value: QueueTab; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'approved', label: 'Approved' },
  { value: 'spam', label: 'Spam' },
  { value: 'trash', label: 'Trash' },
  { value: 'all', label: 'All' },
]

/** The actions offered on a comment with this status (the API accepts the same ones). */
export const ACTIONS_BY_STATUS: Record<CommentStatus, ModerationAction[]> = {
  pending: ['approve', 'spam', 'trash'],
  approved: ['unapprove', 'spam', 'trash'],
  spam: ['not-spam', 'trash'],
  trash: ['restore'],
}

const ALL_ACTIONS: ModerationAction[] = [...MODERATION_ACTIONS]

/** The actions offered on a selection: on "All" every one, and the API skips what does not apply. */
export function actionsForTab(tab: QueueTab): ModerationAction[] {
  return tab === 'all' ? ALL_ACTIONS : ACTIONS_BY_STATUS[tab]
}

export const ACTION_LABELS: Record<ModerationAction, string> = {
  approve: 'Approve',
  unapprove: 'Unapprove',
  spam: 'Spam',
  'not-spam': 'Not spam',
  trash: 'Trash',
  restore: 'Restore',
}

const ACTION_DONE: Record<ModerationAction, string> = {
  approve: 'approved',
  unapprove: 'unapproved',
  spam: 'marked as spam',
  'not-spam': 'marked as not spam',
  trash: 'moved to the trash',
  restore: 'restored',
}

export const commentCount = (n: number) => `${n} ${n === 1 ? 'comment' : 'comments'}`

/** "2 comments approved": what the live region says after an action. */
export function actionDoneMessage(action: ModerationAction, count: number): string {
  return `${commentCount(count)} ${ACTION_DONE[action]}.`
}

export const STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  spam: 'Spam',
  trash: 'Trash',
}

/**
 * The action that puts a comment back to the status it had before `action`: "Not spam" and
 * "Restore" return it to the status recorded before, the others name it. Null when it did not
 * change.
 */
export function undoActionFor(
  action: ModerationAction,
  from: CommentStatus,
): ModerationAction | null {
  switch (action) {
    case 'approve':
      return from === 'approved'
        ? null
        : from === 'pending'
          ? 'unapprove'
          : from === 'spam'
            ? 'spam'
            : 'trash'
    case 'unapprove':
      return 'approve'
    case 'spam':
      return from === 'spam' ? null : 'not-spam'
    case 'not-spam':
      return 'spam'
    case 'trash':
      return from === 'trash' ? null : 'restore'
    case 'restore':
      return 'trash'
  }
}
