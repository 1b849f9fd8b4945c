'use client'
import type { ModerationAction } from '@/comments/rules/moderationActions'
import { commentPermalink } from '@/site/permalinks'

import { CommentActions } from './CommentActions'
import { STATUS_LABELS } from './queueActions'
import type { QueueComment } from './queueComment'

type Props = {
  adminRoute: string
  busy: boolean
  comment: QueueComment
  selected: boolean
  onToggle: () => void
  onAction: (action: ModerationAction, reason: string) => Promise<void>
  onReply: (text: string) => Promise<boolean>
}

/** A comment as moderators need it: who, where, when, the text (as text), and what to do. */
export function CommentCard({ adminRoute, busy, comment, selected, onToggle, ...actions }: Props) {
  const anchor = `moderation-comment-${comment.id}`
  const { post, parent } = comment
  return (
    <article className="moderation__comment" aria-labelledby={`${anchor}-title`}>
      <header className="moderation__comment-header">
        <input
          type="checkbox"
          checked={selected}
          onChange={onToggle}
          aria-label={`Select comment #${comment.id} by ${comment.authorName}`}
        />
        <h3 id={`${anchor}-title`} className="moderation__author">
          {comment.authorName}
        </h3>
        <span className={`moderation__status moderation__status--${comment.status}`}>
          {STATUS_LABELS[comment.status]}
        </span>
        <time dateTime={comment.createdAt}>{comment.createdAtLabel}</time>
      </header>
      <dl className="moderation__facts">
        <dt>Email</dt>
        <dd>{comment.authorEmail ?? '—'}</dd>
        <dt>Website</dt>
        <dd>{comment.authorUrl ?? '—'}</dd>
        <dt>IP address</dt>
        <dd>{comment.ip ?? '—'}</dd>
        <dt>Post</dt>
        <dd>
          {post ? (
            <>
              {post.title}{' '}
              <span className="moderation__post-links">
                {post.slug ? (
                  <a href={commentPermalink(post.slug, comment.id)}>View on site</a>
                ) : null}{' '}
                <a href={`${adminRoute}/collections/posts/${post.id}`}>Edit post</a>
              </span>
            </>
          ) : (
            'Unknown post'
          )}
        </dd>
        {parent ? (
          <>
            <dt>In reply to</dt>
            <dd>
              <a href={`${adminRoute}/collections/comments/${parent.id}`}>
                {`#${parent.id}${parent.authorName ? ` by ${parent.authorName}` : ''}`}
              </a>
            </dd>
          </>
        ) : null}
        {comment.statusReason ? (
          <>
            <dt>Reason</dt>
            <dd>{comment.statusReason}</dd>
          </>
        ) : null}
        {comment.spamVerdict && comment.spamVerdict !== 'unchecked' ? (
          <>
            <dt>Spam check</dt>
            <dd>{comment.spamVerdict}</dd>
          </>
        ) : null}
      </dl>
      <div className="moderation__body">{comment.body}</div>
      <p className="moderation__edit-link">
        <a href={`${adminRoute}/collections/comments/${comment.id}`}>
          Edit comment #{comment.id} and see its history
        </a>
      </p>
      <CommentActions comment={comment} busy={busy} {...actions} />
    </article>
  )
}
