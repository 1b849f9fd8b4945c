'use client'
import { useRef, useState } from 'react'

import type { QueueFilter } from '@/comments/queue/queueFilter'
import type { ModerationAction } from '@/comments/rules/moderationActions'

import { BulkActions } from './BulkActions'
import { CommentRow } from './CommentRow'
import { countMatching } from './countMatching'
import { QUEUE_TABS, type QueueTab } from './queueActions'
import type { QueueComment } from './queueComment'
import { QueueMessages } from './QueueMessages'
import { queueHref } from './queueLinks'
import { useQueueShortcuts, type ShortcutKey } from './queueShortcuts'
import { ShortcutHelp } from './ShortcutHelp'
import { useCurrentRow } from './useCurrentRow'
import { useQueueActions } from './useQueueActions'

type Id = number | string
type Props = {
  adminRoute: string
  apiRoute: string
  comments: QueueComment[]
  filter: QueueFilter
  /** How many comments the filter holds on every page. */
  totalDocs: number
  /** Listed words from the discussion settings, marked in the text. */
  words: string[]
  /** Set when the page asked for is past the end (e.g. after emptying the last page). */
  emptyPageHref: string | null
}

const KEY_ACTIONS: Partial<Record<ShortcutKey, ModerationAction>> = {
  a: 'approve',
  s: 'spam',
  t: 'trash',
}
const ACTION_TARGET: Partial<Record<ModerationAction, string>> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trash',
}

/**
 * One page of the queue: selection (this page or all matching), bulk and per-comment actions,
 * keyboard shortcuts on the highlighted comment, undo of the last action, and announcements.
 */
export function ModerationQueue(props: Props) {
  const { adminRoute, apiRoute, comments, filter, totalDocs } = props
  const tab: QueueTab = filter.status
  const actions = useQueueActions(apiRoute)
  const [selected, setSelected] = useState<Set<Id>>(new Set())
  const [allMatching, setAllMatching] = useState(false)
  const [expanded, setExpanded] = useState<Set<Id>>(new Set())
  const [replying, setReplying] = useState<Id | null>(null)
  const [help, setHelp] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const row = useCurrentRow(comments, heading)
  const { at } = row
  const tabLabel = QUEUE_TABS.find((item) => item.value === tab)?.label ?? ''
  const visible = comments.filter((comment) => selected.has(comment.id))

  function toggle(id: Id, set: Set<Id>, update: (next: Set<Id>) => void) {
    const next = new Set(set)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    update(next)
  }

  async function act(targets: QueueComment[], action: ModerationAction, reason: string) {
    const done = await actions.moderate(targets, action, reason)
    setSelected((now) => new Set([...now].filter((id) => !done.includes(id))))
    // The acted-on comment usually leaves this tab: keep focus somewhere meaningful (the row
    // now in its place, once the refreshed page arrives).
    if (targets.length > 1) heading.current?.focus()
    else row.refocusAfterRefresh()
  }

  useQueueShortcuts((key) => {
    if (key === '?') return setHelp(!help)
    if (key === 'z') return void actions.undo()
    const comment = comments[at]
    if (!comment || actions.busy) return
    if (key === 'j') return row.move(1)
    if (key === 'k') return row.move(-1)
    if (key === 'x') return toggle(comment.id, selected, setSelected)
    if (key === 'r' && (comment.status === 'pending' || comment.status === 'approved')) {
      return setReplying(comment.id)
    }
    const action = KEY_ACTIONS[key]
    if (action && comment.status !== ACTION_TARGET[action]) void act([comment], action, '')
  })

  async function actOnMatching(action: ModerationAction, reason: string, before: string) {
    const { status, q, post, blatant } = filter
    await actions.moderateMatching({ filter: { status, q, post, blatant }, before }, action, reason)
    setSelected(new Set())
    setAllMatching(false)
    heading.current?.focus()
  }

  return (
    <section aria-labelledby="moderation-queue-heading" className="moderation__queue">
      <div className="moderation__queue-head">
        <h2 id="moderation-queue-heading" ref={heading} tabIndex={-1}>
          {tab === 'all' ? 'All comments' : `${tabLabel} comments`}
          {filter.q || filter.post ? ' (filtered)' : ''}
        </h2>
        <ShortcutHelp open={help} onToggle={() => setHelp(!help)} />
      </div>
      <QueueMessages
        announcement={actions.announcement}
        errors={actions.errors}
        busy={actions.busy}
        onUndo={actions.canUndo ? () => void actions.undo() : null}
      />
      {comments.length === 0 ? (
        <p className="moderation__empty">
          {props.emptyPageHref ? (
            <>
              There are no comments on this page.{' '}
              <a href={props.emptyPageHref}>Go to the first page</a>
            </>
          ) : (
            `No ${tab === 'all' ? '' : tabLabel.toLowerCase() + ' '}comments${
              filter.q || filter.post ? ' match this filter' : ''
            }.`
          )}
        </p>
      ) : (
        <>
          <BulkActions
            tab={tab}
            busy={actions.busy}
            selectedIds={visible.map((comment) => comment.id)}
            pageIds={comments.map((comment) => comment.id)}
            suspiciousSelected={visible.filter((comment) => comment.suspicions.length).length}
            totalMatching={totalDocs}
            allMatching={allMatching}
            onSelectAll={(ids) => setSelected(new Set(ids))}
            onSelectMatching={setAllMatching}
            countMatching={() => countMatching(apiRoute, filter)}
            onAction={(action, reason) => act(visible, action, reason)}
            onMatchingAction={actOnMatching}
          />
          <ol className="moderation__list">
            {comments.map((comment, index) => (
              <li key={comment.id}>
                <CommentRow
                  adminRoute={adminRoute}
                  busy={actions.busy}
                  comment={comment}
                  words={props.words}
                  postFilterHref={
                    comment.post && String(comment.post.id) !== filter.post
                      ? queueHref(adminRoute, { ...filter, post: String(comment.post.id) })
                      : null
                  }
                  selected={selected.has(comment.id)}
                  current={index === at}
                  expanded={expanded.has(comment.id)}
                  replying={replying === comment.id}
                  onToggle={() => {
                    setAllMatching(false)
                    toggle(comment.id, selected, setSelected)
                  }}
                  onExpand={() => toggle(comment.id, expanded, setExpanded)}
                  onReplying={(open) => setReplying(open ? comment.id : null)}
                  onFocus={() => row.setCurrent(index)}
                  onAction={(action, reason) => act([comment], action, reason)}
                  onReply={(text) => actions.reply(comment, text)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
