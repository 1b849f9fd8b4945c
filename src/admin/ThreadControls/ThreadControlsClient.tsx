'use client'
import { Button, toast, useAuth } from '@payloadcms/ui'
import { useState } from 'react'

import { formatStaffDate } from '@/admin/formatStaffDate'
import { setThreadStatus, type ThreadStatus } from '@/admin/threadRequests'
import type { User } from '@/payload-types'

import { ThreadDialog } from './ThreadDialog'
import { useSyncThreadFields } from './useSyncThreadFields'
import './threadControls.css'

export type ThreadState = {
  status: ThreadStatus
  archived: boolean
  closedAtLabel: string
  closedBy: string | null
  reason: string | null
}

type Props = {
  apiRoute: string
  postId: number | string
  initial: ThreadState
  /** The agency's zone (site settings), for the time a change made here is shown at. */
  timeZone: string
}

/** The thread's state in the document controls, and a dialog to open or close it. */
export function ThreadControlsClient({ apiRoute, postId, initial, timeZone }: Props) {
  const [state, setState] = useState(initial)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const { user } = useAuth<User>()
  const syncFields = useSyncThreadFields()
  const next: ThreadStatus = state.status === 'closed' ? 'open' : 'closed'

  async function apply() {
    setBusy(true)
    setError('')
    const result = await setThreadStatus(apiRoute, postId, next, reason)
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    const changed = result.body
    setState({
      ...state,
      status: changed.commentStatus,
      closedAtLabel: formatStaffDate(changed.commentsClosedAt, timeZone),
      closedBy: changed.commentStatus === 'closed' && user ? `${user.name} (${user.email})` : null,
      reason: changed.commentsClosedReason,
    })
    setReason('')
    setOpen(false)
    toast.success(changed.commentStatus === 'closed' ? 'Comments closed.' : 'Comments opened.')
    syncFields(changed)
  }

  return (
    <div className="thread-controls">
      <span
        className={`thread-controls__state thread-controls__state--${state.status}`}
        title={state.status === 'closed' && state.reason ? `Reason: ${state.reason}` : undefined}
      >
        {state.status === 'closed' ? 'Comments closed' : 'Comments open'}
      </span>
      <Button
        buttonStyle="secondary"
        size="small"
        margin={false}
        extraButtonProps={{ 'aria-haspopup': 'dialog' }}
        onClick={() => setOpen(true)}
      >
        {next === 'closed' ? 'Close comments' : 'Open comments'}
      </Button>
      <ThreadDialog
        open={open}
        state={state}
        next={next}
        reason={reason}
        busy={busy}
        error={error}
        onReasonChange={setReason}
        onConfirm={() => void apply()}
        onClose={() => {
          setOpen(false)
          setError('')
        }}
      />
    </div>
  )
}
