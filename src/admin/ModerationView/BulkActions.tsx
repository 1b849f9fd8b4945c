'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'

import type { ModerationAction } from '@/comments/rules/moderationActions'

import { ACTION_LABELS, actionsForTab, commentCount, type QueueTab } from './queueActions'

type Id = number | string
type Props = {
  tab: QueueTab
  busy: boolean
  selectedIds: Id[]
  pageIds: Id[]
  onSelectAll: (ids: Id[]) => void
  onAction: (action: ModerationAction, reason: string) => Promise<void>
}

/** "Select all on this page" and the actions for the selection, with an optional reason. */
export function BulkActions({ tab, busy, selectedIds, pageIds, onSelectAll, onAction }: Props) {
  const [reason, setReason] = useState('')
  const selectAll = useRef<HTMLInputElement>(null)
  const all = selectedIds.length === pageIds.length
  const some = selectedIds.length > 0 && !all
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some
  }, [some])

  async function run(action: ModerationAction) {
    await onAction(action, reason)
    setReason('')
  }

  return (
    <div className="moderation__bulk" role="group" aria-label="Actions on selected comments">
      <label className="moderation__select-all">
        <input
          ref={selectAll}
          type="checkbox"
          checked={all}
          onChange={() => onSelectAll(all ? [] : pageIds)}
        />
        Select all on this page
      </label>
      <span className="moderation__selected-count" aria-live="polite">
        {selectedIds.length ? `${commentCount(selectedIds.length)} selected` : 'None selected'}
      </span>
      <label className="moderation__reason">
        <span>Reason (optional)</span>
        <input
          type="text"
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          disabled={!selectedIds.length}
        />
      </label>
      <div className="moderation__buttons">
        {actionsForTab(tab).map((action) => (
          <Button
            key={action}
            buttonStyle={action === 'approve' ? 'primary' : 'secondary'}
            size="small"
            margin={false}
            disabled={busy || !selectedIds.length}
            onClick={() => void run(action)}
            aria-label={`${ACTION_LABELS[action]} selected comments`}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </div>
    </div>
  )
}
