'use client'
import { Button, useListDrawerContext, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { setThreadStatuses, type ThreadStatus } from '@/admin/threadRequests'
import '@/admin/ThreadControls/threadControls.css'

const posts = (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`

/** Bulk "Close comments" / "Open comments" on the rows selected in Payload's list. */
export function BulkThreadMenuClient({ apiRoute }: { apiRoute: string }) {
  const { selectedIDs, toggleAll, selectAll } = useSelection()
  const router = useRouter()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [error, setError] = useState('')
  const { isInDrawer } = useListDrawerContext()
  const count = selectedIDs.length
  // The same list opens in drawers (picking a post for a relationship): no thread actions there.
  if (isInDrawer) return null

  async function apply(status: ThreadStatus) {
    setBusy(true)
    setError('')
    setAnnouncement('')
    const result = await setThreadStatuses(apiRoute, selectedIDs, status, reason)
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    const { results, errors } = result.body
    const done = `Comments ${status === 'closed' ? 'closed' : 'opened'} on ${posts(results.length)}.`
    setAnnouncement(done)
    if (errors.length) setError(errors.map((e) => `Post #${e.id}: ${e.message}`).join(' '))
    setReason('')
    if (selectAll !== 'none') toggleAll()
    router.refresh()
  }

  return (
    <div className="bulk-thread" role="group" aria-label="Comments on selected posts">
      {count === 0 ? (
        <span className="bulk-thread__hint">Select posts to open or close their comments.</span>
      ) : (
        <>
          <span className="bulk-thread__count">{`${posts(count)} selected`}</span>
          <label className="bulk-thread__reason">
            <span>Reason (optional)</span>
            <input
              type="text"
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={busy}
            onClick={() => void apply('closed')}
          >
            Close comments
          </Button>
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={busy}
            onClick={() => void apply('open')}
          >
            Open comments
          </Button>
        </>
      )}
      <span role="status" className="bulk-thread__announcement">
        {announcement}
      </span>
      <span role="alert" className="bulk-thread__error">
        {error}
      </span>
    </div>
  )
}
