'use client'
import { useRef, useState } from 'react'

import type { ModerationAction } from '@/comments/rules/moderationActions'

import { BulkActions } from './BulkActions'
import { CommentCard } from './CommentCard'
import { QUEUE_TABS, type QueueTab } from './queueActions'
import type { QueueComment } from './queueComment'
import { useQueueActions } from './useQueueActions'

type Id = number | string
type Props = {
  adminRoute: string
  apiRoute: string
  comments: QueueComment[]
  tab: QueueTab
  /** Set when the page asked for is past the end (e.g. after emptying the last page). */
  emptyPageHref: string | null
}

/** One page of the queue: selection, bulk and per-comment actions, and their announcements. */
export function ModerationQueue({ adminRoute, apiRoute, comments, tab, emptyPageHref }: Props) {
  const { busy, announcement, errors, moderate, reply } = useQueueActions(apiRoute)
  const [selected, setSelected] = useState<Set<Id>>(new Set())
  const heading = useRef<HTMLHeadingElement>(null)
  const tabLabel = QUEUE_TABS.find((item) => item.value === tab)?.label ?? ''
  const visible = selectedOnPage(selected, comments)

  function toggle(id: Id) {
    const next = new Set(selected)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setSelected(next)
  }

  async function act(ids: Id[], action: ModerationAction, reason: string) {
    const done = await moderate(ids, action, reason)
    setSelected((current) => new Set([...current].filter((id) => !done.includes(id))))
    // The acted-on comment usually leaves this tab: keep focus somewhere meaningful.
    heading.current?.focus()
  }

  return (
    <section aria-labelledby="moderation-queue-heading" className="moderation__queue">
      <h2 id="moderation-queue-heading" ref={heading} tabIndex={-1}>
        {tab === 'all' ? 'All comments' : `${tabLabel} comments`}
      </h2>
      <div role="status" aria-live="polite" className="moderation__announcement">
        {announcement}
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
      {comments.length === 0 ? (
        <p className="moderation__empty">
          {emptyPageHref ? (
            <>
              There are no comments on this page. <a href={emptyPageHref}>Go to the first page</a>
            </>
          ) : (
            `No ${tab === 'all' ? '' : tabLabel.toLowerCase() + ' '}comments.`
          )}
        </p>
      ) : (
        <>
          <BulkActions
            tab={tab}
            busy={busy}
            selectedIds={visible}
            pageIds={comments.map((comment) => comment.id)}
            onSelectAll={(ids) => setSelected(new Set(ids))}
            onAction={(action, reason) => act(visible, action, reason)}
          />
          <ol className="moderation__list">
            {comments.map((comment) => (
              <li key={comment.id}>
                <CommentCard
                  adminRoute={adminRoute}
                  busy={busy}
                  comment={comment}
                  selected={selected.has(comment.id)}
                  onToggle={() => toggle(comment.id)}
                  onAction={(action, reason) => act([comment.id], action, reason)}
                  onReply={(text) => reply(comment, text)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

function selectedOnPage(selected: Set<Id>, comments: QueueComment[]): Id[] {
  return comments.filter((comment) => selected.has(comment.id)).map((comment) => comment.id)
}
