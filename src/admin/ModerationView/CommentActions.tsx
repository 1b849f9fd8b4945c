'use client'
import { Button } from '@payloadcms/ui'
import { useId, useState } from 'react'

import type { ModerationAction } from '@/comments/rules/moderationActions'

import { BlockCommenter } from './BlockCommenter'
import { ACTION_LABELS, ACTIONS_BY_STATUS } from './queueActions'
import type { QueueComment } from './queueComment'
import { ReplyForm } from './ReplyForm'

type Props = {
  busy: boolean
  comment: QueueComment
  onAction: (action: ModerationAction, reason: string) => Promise<void>
  onReply: (text: string) => Promise<boolean>
}

/** The actions that apply to one comment's status, an optional reason, and a reply form. */
export function CommentActions({ busy, comment, onAction, onReply }: Props) {
  const [reason, setReason] = useState('')
  const [replying, setReplying] = useState(false)
  const id = useId()
  const canReply = comment.status === 'pending' || comment.status === 'approved'
  const who = `comment #${comment.id} by ${comment.authorName}`
  return (
    <div className="moderation__actions">
      <div className="moderation__action-row" role="group" aria-label={`Actions on ${who}`}>
        <label className="moderation__reason" htmlFor={`${id}-reason`}>
          <span>Reason (optional)</span>
        </label>
        <input
          id={`${id}-reason`}
          className="moderation__reason-input"
          type="text"
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
        {ACTIONS_BY_STATUS[comment.status].map((action) => (
          <Button
            key={action}
            buttonStyle={action === 'approve' ? 'primary' : 'secondary'}
            size="small"
            margin={false}
            disabled={busy}
            onClick={() => void onAction(action, reason)}
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
            extraButtonProps={{ 'aria-expanded': replying, 'aria-controls': `${id}-reply` }}
            onClick={() => setReplying(!replying)}
          >
            Reply
          </Button>
        ) : null}
      </div>
      <BlockCommenter commentId={comment.id} who={who} />
      {canReply && replying ? (
        <ReplyForm
          id={`${id}-reply`}
          who={who}
          busy={busy}
          approvesFirst={comment.status === 'pending'}
          onReply={async (text) => {
            const posted = await onReply(text)
            if (posted) setReplying(false)
            return posted
          }}
        />
      ) : null}
    </div>
  )
}
