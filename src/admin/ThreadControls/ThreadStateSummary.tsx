import type { ThreadState } from './ThreadControlsClient'

/** Open or closed, by whom, when and why, in a sentence or two. */
export function ThreadStateSummary({ state }: { state: ThreadState }) {
  return (
    <div className="thread-controls__summary">
      {state.status === 'open' ? (
        <p>Comments are open on this post.</p>
      ) : (
        <>
          <p>
            Comments are closed
            {state.closedBy ? ` by ${state.closedBy}` : ''}
            {state.closedAtLabel ? ` on ${state.closedAtLabel}` : ''}.
          </p>
          <p>Reason: {state.reason || 'none given'}</p>
        </>
      )}
      {state.archived ? (
        <p>This post is archived: its comments stay closed to readers whatever this says.</p>
      ) : null}
    </div>
  )
}
