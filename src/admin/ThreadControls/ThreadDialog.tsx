'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

import type { ThreadStatus } from '@/admin/threadRequests'

import type { ThreadState } from './ThreadControlsClient'
import { ThreadStateSummary } from './ThreadStateSummary'

type Props = {
  open: boolean
  state: ThreadState
  next: ThreadStatus
  reason: string
  busy: boolean
  error: string
  onReasonChange: (reason: string) => void
  onConfirm: () => void
  onClose: () => void
}

/**
 * A native modal dialog (focus kept inside, Escape closes, named by its heading). It holds no
 * <form>: it is rendered inside Payload's document form.
 */
export function ThreadDialog({ open, state, next, reason, busy, error, ...handlers }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const title = next === 'closed' ? 'Close comments' : 'Open comments'
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  return (
    <dialog
      ref={dialog}
      className="thread-dialog"
      aria-labelledby="thread-dialog-title"
      onClose={handlers.onClose}
    >
      <h2 id="thread-dialog-title">{title}</h2>
      <ThreadStateSummary state={state} />
      <label className="thread-controls__label" htmlFor="thread-dialog-reason">
        Reason (optional)
      </label>
      <textarea
        id="thread-dialog-reason"
        className="thread-controls__reason"
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(event) => handlers.onReasonChange(event.target.value)}
      />
      <p className="thread-controls__hint">
        {next === 'closed'
          ? 'Readers will no longer be able to comment; approved comments stay visible.'
          : 'Readers will be able to comment again.'}{' '}
        Only the post’s discussion settings change, and the change is recorded in the audit trail.
      </p>
      <div role="alert" className="thread-controls__error">
        {error}
      </div>
      <div className="thread-controls__buttons">
        <Button buttonStyle="primary" margin={false} disabled={busy} onClick={handlers.onConfirm}>
          {title}
        </Button>
        <Button buttonStyle="secondary" margin={false} onClick={handlers.onClose}>
          Cancel
        </Button>
      </div>
    </dialog>
  )
}
