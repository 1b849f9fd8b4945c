'use client'
import { Button } from '@payloadcms/ui'

type Props = {
  announcement: string
  errors: string[]
  busy: boolean
  /** Offered after an action on listed comments. */
  onUndo: (() => void) | null
}

/** What the last action did (a live region), its Undo, and what went wrong (an alert). */
export function QueueMessages({ announcement, errors, busy, onUndo }: Props) {
  return (
    <>
      <div className="moderation__announcement-row">
        <div role="status" aria-live="polite" className="moderation__announcement">
          {announcement}
        </div>
        {onUndo ? (
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={busy}
            onClick={onUndo}
          >
            Undo
          </Button>
        ) : null}
      </div>
      <div role="alert" className="moderation__errors">
        {errors.length ? (
          <ul>
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  )
}
