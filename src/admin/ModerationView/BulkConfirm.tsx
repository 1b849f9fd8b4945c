'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

import type { ModerationAction } from '@/comments/rules/moderationActions'

import { ACTION_LABELS, commentCount } from './queueActions'

export type PendingConfirmation = {
  action: ModerationAction
  count: number
  suspicious: number
  /** Set for "all matching": the moment counted; later comments are left out. */
  before: string | null
}

type Props = {
  confirmation: PendingConfirmation
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Says how many comments a bulk action changes, and how many of them are suspicious, before it
 * runs: a bulk approve cannot publish a link farm unseen.
 */
export function BulkConfirm({ confirmation, onConfirm, onCancel }: Props) {
  const { action, count, suspicious, before } = confirmation
  const confirm = useRef<HTMLDivElement>(null)
  useEffect(() => {
    confirm.current?.querySelector<HTMLButtonElement>('button')?.focus()
  }, [])
  const label = ACTION_LABELS[action]
  return (
    <div
      ref={confirm}
      role="alertdialog"
      aria-labelledby="moderation-confirm-title"
      aria-describedby="moderation-confirm-text"
      className="moderation__confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      <p id="moderation-confirm-title" className="moderation__confirm-title">
        {before
          ? `${label}: all ${commentCount(count)} matching?`
          : `${label}: ${commentCount(count)}?`}
      </p>
      <div id="moderation-confirm-text">
        {suspicious > 0 ? (
          <p className="moderation__confirm-warning">
            {suspicious === 1 ? '1 of them is suspicious' : `${suspicious} of them are suspicious`}{' '}
            (links, listed words, a moderation rule or Akismet&apos;s doubt).
          </p>
        ) : null}
        {before ? (
          <p className="moderation__hint">
            Comments that arrive from now on are not included. Undo does not apply to this action.
          </p>
        ) : null}
      </div>
      <div className="moderation__buttons">
        <Button
          buttonStyle={action === 'approve' ? 'primary' : 'secondary'}
          size="small"
          margin={false}
          onClick={onConfirm}
          disabled={count === 0}
        >
          {`${label} ${commentCount(count)}`}
        </Button>
        <Button buttonStyle="subtle" size="small" margin={false} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  )
}
