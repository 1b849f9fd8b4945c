'use client'
import { Button, Drawer, toast, useAuth, useModal } from '@payloadcms/ui'
import { useState } from 'react'

import { formatStaffDate } from '@/admin/formatStaffDate'
import { setThreadStatus, type ThreadResult, type ThreadStatus } from '@/admin/threadRequests'

import { ThreadStateSummary } from './ThreadStateSummary'
import { useSyncThreadFields } from './useSyncThreadFields'
import './threadControls.css'

export type ThreadState = {
  status: ThreadStatus
  archived: boolean
  closedAtLabel: string
  closedBy: string | null
  reason: string | null
}

type Props = { apiRoute: string; postId: number | string; initial: ThreadState }

const DRAWER_SLUG = 'thread-controls'

/** The current state in the document controls, and a dialog to open or close the thread. */
export function ThreadControlsClient({ apiRoute, postId, initial }: Props) {
  const [state, setState] = useState(initial)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const { openModal, closeModal } = useModal()
  const { user } = useAuth()
  const syncFields = useSyncThreadFields()
  const next: ThreadStatus = state.status === 'closed' ? 'open' : 'closed'
  const actionLabel = next === 'closed' ? 'Close comments' : 'Open comments'

  async function apply() {
    setBusy(true)
    setError('')
    const result = await setThreadStatus(apiRoute, postId, next, reason)
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    const changed: ThreadResult = result.body
    setState({
      ...state,
      status: changed.commentStatus,
      closedAtLabel: formatStaffDate(changed.commentsClosedAt),
      closedBy: changed.commentStatus === 'closed' && user ? `${user.name} (${user.email})` : null,
      reason: changed.commentsClosedReason,
    })
    setReason('')
    closeModal(DRAWER_SLUG)
    toast.success(changed.commentStatus === 'closed' ? 'Comments closed.' : 'Comments opened.')
    syncFields(changed)
  }

  return (
    <div className="thread-controls">
      <span className={`thread-controls__state thread-controls__state--${state.status}`}>
        {state.status === 'closed' ? 'Comments closed' : 'Comments open'}
      </span>
      <Button
        buttonStyle="secondary"
        size="small"
        margin={false}
        onClick={() => openModal(DRAWER_SLUG)}
      >
        {actionLabel}
      </Button>
      <Drawer slug={DRAWER_SLUG} title={actionLabel} className="thread-controls__drawer">
        <ThreadStateSummary state={state} />
        <label className="thread-controls__label" htmlFor="thread-controls-reason">
          Reason (optional)
        </label>
        <textarea
          id="thread-controls-reason"
          className="thread-controls__reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <p className="thread-controls__hint">
          {next === 'closed'
            ? 'Readers can no longer comment; the comments already approved stay visible.'
            : 'Readers can comment again.'}{' '}
          The change is recorded in the audit trail. Nothing else on the post changes.
        </p>
        <div role="alert" className="thread-controls__error">
          {error}
        </div>
        <div className="thread-controls__buttons">
          <Button buttonStyle="primary" margin={false} disabled={busy} onClick={() => void apply()}>
            {actionLabel}
          </Button>
          <Button buttonStyle="secondary" margin={false} onClick={() => closeModal(DRAWER_SLUG)}>
            Cancel
          </Button>
        </div>
      </Drawer>
    </div>
  )
}
