'use client'
import { Button } from '@payloadcms/ui'
import { useState, type ReactNode } from 'react'

import type { ModerationAction } from '@/comments/rules/moderationActions'

import { BlockCommenter } from './BlockCommenter'
import { ACTION_LABELS, ACTIONS_BY_STATUS } from './queueActions'
import type { QueueComment } from './queueComment'
import { ReplyForm } from './ReplyForm'

type Props = {
  anchor: string
  busy: boolean
  comment: QueueComment
  expanded: boolean
  replying: boolean
  onExpand: () => void
  onReplying: (open: boolean) => void
  onAction: (action: ModerationAction, reason: string) => Promise<void>
  onReply: (text: string) => Promise<boolean>
  /** The details shown when expanded, above the reason field. */
  children: ReactNode
}

/**
 * The actions that apply to one comment's status, Reply, and Details: the full text, the facts
 * and an optional reason for the next action, opened in place.
 */
export function CommentActions({ anchor, busy, comment, expanded, replying, ...props }: Props) {
  const [reason, setReason] = useState('')
  const canReply = comment.status === 'pending' || comment.status === 'approved'
  const who = `comment #${comment.id} by ${comment.authorName}`
  return (
    <div className="moderation__actions">
      <div className="moderation__action-row" role="group" aria-label={`Actions on ${who}`}>
        {ACTIONS_BY_STATUS[comment.status].map((action) => (
          <Button
            key={action}
            buttonStyle={action === 'approve' ? 'primary' : 'secondary'}
            size="small"
            margin={false}
            disabled={busy}
            onClick={() => void props.onAction(action, reason)}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
        {canReply ? (
          <Button
            buttonStyle="subtle"
            size="small"
            margin={false}
            disabled={busy}
            extraButtonProps={{ 'aria-expanded': replying, 'aria-controls': `${anchor}-reply` }}
            onClick={() => props.onReplying(!replying)}
          >
            Reply
          </Button>
        ) : null}
        <Button
          buttonStyle="subtle"
          size="small"
          margin={false}
          extraButtonProps={{ 'aria-expanded': expanded, 'aria-controls': `${anchor}-details` }}
          onClick={props.onExpand}
        >
          {expanded ? 'Hide details' : 'Details'}
        </Button>
      </div>
      <div id={`${anchor}-details`} className="moderation__details" hidden={!expanded}>
        {props.children}
        <div className="moderation__reason">
          <label htmlFor={`${anchor}-reason`}>Reason (optional)</label>
          <input
            id={`${anchor}-reason`}
            className="moderation__reason-input"
            type="text"
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      </div>
      <BlockCommenter commentId={comment.id} who={who} />
      {canReply && replying ? (
        <ReplyForm
          id={`${anchor}-reply`}
          who={who}
          busy={busy}
          approvesFirst={comment.status === 'pending'}
          onReply={async (text) => {
            const posted = await props.onReply(text)
            if (posted) props.onReplying(false)
            return posted
          }}
        />
      ) : null}
    </div>
  )
}
