'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'

import type { ModerationAction } from '@/comments/rules/moderationActions'

import { BulkConfirm, type PendingConfirmation } from './BulkConfirm'
import type { MatchingCount } from './countMatching'
import { ACTION_LABELS, actionsForTab, commentCount, type QueueTab } from './queueActions'

type Id = number | string
type Props = {
  tab: QueueTab
  busy: boolean
  selectedIds: Id[]
  pageIds: Id[]
  /** How many suspicious comments the selection on this page holds. */
  suspiciousSelected: number
  /** How many comments the current filter holds, on every page. */
  totalMatching: number
  allMatching: boolean
  onSelectAll: (ids: Id[]) => void
  onSelectMatching: (all: boolean) => void
  /** The database's count of the filter now, for the confirmation. */
  countMatching: () => Promise<MatchingCount | { error: string }>
  onAction: (action: ModerationAction, reason: string) => Promise<void>
  onMatchingAction: (action: ModerationAction, reason: string, before: string) => Promise<void>
}

/**
 * "Select all on this page", "select all N matching" across pages, and the actions for the
 * selection with an optional reason. A bulk action on all matching comments, or an approve that
 * includes suspicious ones, is confirmed first with the counts.
 */
export function BulkActions(props: Props) {
  const { tab, busy, selectedIds, pageIds, totalMatching, allMatching } = props
  const [reason, setReason] = useState('')
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null)
  const [countError, setCountError] = useState('')
  const selectAll = useRef<HTMLInputElement>(null)
  const all = selectedIds.length === pageIds.length
  const some = selectedIds.length > 0 && !all
  const more = totalMatching > pageIds.length
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some
  }, [some])

  async function run(action: ModerationAction) {
    if (allMatching) {
      const counted = await props.countMatching()
      if ('error' in counted)
        setCountError(`Could not count the matching comments: ${counted.error}`)
      else {
        setCountError('')
        setConfirmation({ action, count: counted.matching, ...counted })
      }
      return
    }
    if (action === 'approve' && props.suspiciousSelected > 0) {
      setConfirmation({
        action,
        count: selectedIds.length,
        suspicious: props.suspiciousSelected,
        before: null,
      })
      return
    }
    await props.onAction(action, reason)
    setReason('')
  }

  async function confirmed() {
    if (!confirmation) return
    const { action, before } = confirmation
    setConfirmation(null)
    if (before) await props.onMatchingAction(action, reason, before)
    else await props.onAction(action, reason)
    setReason('')
  }

  const selectedLabel = allMatching
    ? `All ${commentCount(totalMatching)} matching selected`
    : selectedIds.length
      ? `${commentCount(selectedIds.length)} selected`
      : 'None selected'
  return (
    <div className="moderation__bulk" role="group" aria-label="Actions on selected comments">
      <div className="moderation__selection">
        <label className="moderation__select-all">
          <input
            ref={selectAll}
            type="checkbox"
            checked={all}
            onChange={() => {
              props.onSelectMatching(false)
              props.onSelectAll(all ? [] : pageIds)
            }}
          />
          Select all on this page
        </label>
        <span className="moderation__selected-count" aria-live="polite">
          {selectedLabel}
        </span>
        {all && more && !allMatching ? (
          <button
            type="button"
            className="moderation__link-button"
            onClick={() => props.onSelectMatching(true)}
          >
            Select all {commentCount(totalMatching)} matching
          </button>
        ) : null}
        {allMatching ? (
          <button
            type="button"
            className="moderation__link-button"
            onClick={() => props.onSelectMatching(false)}
          >
            Select only this page
          </button>
        ) : null}
      </div>
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
            disabled={busy || !selectedIds.length || Boolean(confirmation)}
            onClick={() => void run(action)}
            aria-label={`${ACTION_LABELS[action]} selected comments`}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </div>
      {countError ? (
        <p role="alert" className="moderation__count-error">
          {countError}
        </p>
      ) : null}
      {confirmation ? (
        <BulkConfirm
          confirmation={confirmation}
          onConfirm={() => void confirmed()}
          onCancel={() => setConfirmation(null)}
        />
      ) : null}
    </div>
  )
}
