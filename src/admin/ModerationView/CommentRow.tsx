'use client'
import type { ModerationAction } from '@/comments/rules/moderationActions'

import { CommentActions } from './CommentActions'
import { CommentDetails } from './CommentDetails'
import { excerptOf } from './highlightSegments'
import { HighlightedText } from './HighlightedText'
import { STATUS_LABELS } from './queueActions'
import type { QueueComment } from './queueComment'

const EXCERPT = 240
const PARENT_EXCERPT = 140

type Props = {
  adminRoute: string
  busy: boolean
  comment: QueueComment
  /** Listed words (site settings) to mark in every comment's text. */
  words: string[]
  /** The same queue, filtered to this comment's post. */
  postFilterHref: string | null
  selected: boolean
  current: boolean
  expanded: boolean
  replying: boolean
  onToggle: () => void
  onExpand: () => void
  onReplying: (open: boolean) => void
  onFocus: () => void
  onAction: (action: ModerationAction, reason: string) => Promise<void>
  onReply: (text: string) => Promise<boolean>
}

/**
 * A comment in a few lines, as WordPress lists them: who, the start of the text with its links
 * and listed words marked, what it answers, where and when, why it is held, and a badge when it
 * is suspicious. "Details" opens the full text and the rest in place.
 */
export function CommentRow(props: Props) {
  const { comment, words, selected, current, expanded } = props
  const anchor = `moderation-comment-${comment.id}`
  const marked = comment.matchedWord ? [...words, comment.matchedWord] : words
  const { post, parent } = comment
  return (
    <article
      id={anchor}
      tabIndex={-1}
      onFocus={props.onFocus}
      className={`moderation__comment${current ? ' is-current' : ''}${
        comment.suspicions.length ? ' is-suspicious' : ''
      }`}
      aria-labelledby={`${anchor}-title`}
    >
      <div className="moderation__comment-header">
        <label className="moderation__check">
          <input
            type="checkbox"
            checked={selected}
            onChange={props.onToggle}
            aria-label={`Select comment #${comment.id} by ${comment.authorName}`}
          />
        </label>
        <h3 id={`${anchor}-title`} className="moderation__author">
          {comment.authorName}
        </h3>
        <span className="moderation__email">{comment.authorEmail ?? ''}</span>
        <span className={`moderation__status moderation__status--${comment.status}`}>
          {STATUS_LABELS[comment.status]}
        </span>
        {comment.suspicions.length ? (
          <span className="moderation__suspicious">
            Suspicious: {comment.suspicions.join(', ')}
          </span>
        ) : null}
      </div>
      <p className="moderation__excerpt" hidden={expanded}>
        <HighlightedText text={excerptOf(comment.body, EXCERPT)} words={marked} />
      </p>
      {parent ? (
        <p className="moderation__parent">
          In reply to {parent.authorName ?? `comment #${parent.id}`}
          {parent.body ? (
            <>
              : <q>{excerptOf(parent.body, PARENT_EXCERPT)}</q>
            </>
          ) : null}
        </p>
      ) : null}
      <p className="moderation__meta">
        {post ? (
          <>
            On{' '}
            {props.postFilterHref ? (
              <a href={props.postFilterHref} title="Show only this post's comments">
                {post.title}
              </a>
            ) : (
              post.title
            )}
          </>
        ) : (
          'Unknown post'
        )}
        {' · '}
        <time dateTime={comment.createdAt}>{comment.createdAtLabel}</time>
        {comment.statusReason ? (
          <>
            {' · '}
            <span className="moderation__reason-text">Reason: {comment.statusReason}</span>
          </>
        ) : null}
      </p>
      <CommentActions
        anchor={anchor}
        busy={props.busy}
        comment={comment}
        expanded={expanded}
        replying={props.replying}
        onExpand={props.onExpand}
        onReplying={props.onReplying}
        onAction={props.onAction}
        onReply={props.onReply}
      >
        <CommentDetails adminRoute={props.adminRoute} comment={comment} words={marked} />
      </CommentActions>
    </article>
  )
}
