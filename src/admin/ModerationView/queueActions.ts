import { MODERATION_ACTIONS, type ModerationAction } from '@/comments/rules/moderationActions'
import type { CommentStatus } from '@/comments/rules/statuses'

export type QueueTab = CommentStatus | 'all'

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
