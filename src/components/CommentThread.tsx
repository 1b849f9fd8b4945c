import { Fragment } from 'react'

import type { ThreadNode } from '@/comments/rules/buildThread'
import { paragraphs } from '@/comments/rules/paragraphs'
import { isWebUrl } from '@/comments/rules/validateSubmission'
import { formatDate } from '@/lib/formatDate'

/** Where a comment's "Reply" link goes; absent when the thread is closed. */
type ReplyHref = ((id: ThreadNode['id']) => string) | null

/** A post's comments, threaded; everything readers wrote is rendered as text. */
export function CommentThread({
  nodes,
  replyHref,
  timeZone,
}: {
  nodes: ThreadNode[]
  replyHref: ReplyHref
  /** The agency's zone (site settings): a comment's date is the same here as in the admin. */
  timeZone: string
}) {
  if (nodes.length === 0) return null
  return (
    <CommentList nodes={nodes} className="comment-list" replyHref={replyHref} timeZone={timeZone} />
  )
}

function CommentList({
  nodes,
  className,
  replyHref,
  timeZone,
}: {
  nodes: ThreadNode[]
  className: string
  replyHref: ReplyHref
  timeZone: string
}) {
  return (
    <ol className={className}>
      {nodes.map((node) => (
        <CommentItem key={node.id} node={node} replyHref={replyHref} timeZone={timeZone} />
      ))}
    </ol>
  )
}

function CommentItem({
  node,
  replyHref,
  timeZone,
}: {
  node: ThreadNode
  replyHref: ReplyHref
  timeZone: string
}) {
  const anchor = `comment-${node.id}`
  // Only http(s) addresses become links; anything else (javascript:, data:, junk) is dropped.
  const website = node.authorUrl && isWebUrl(node.authorUrl) ? new URL(node.authorUrl).href : null
  const agency = node.agencyResponse ?? null
  const className = ['comment', agency ? 'comment--agency' : '', node.held ? 'comment--held' : '']
    .filter(Boolean)
    .join(' ')
  return (
    <li id={anchor} className={className}>
      <article aria-labelledby={`${anchor}-author`}>
        <header>
          {agency ? (
            <>
              <span className="usa-tag comment-tag">Agency response</span>{' '}
            </>
          ) : null}
          <span id={`${anchor}-author`} className="comment-author">
            {website ? (
              <a href={website} rel="nofollow ugc">
                {node.authorName}
              </a>
            ) : (
              node.authorName
            )}
          </span>
          {agency ? <span className="comment-agency-title">{`, ${agency}`}</span> : null}{' '}
          <time dateTime={node.createdAt}>{formatDate(node.createdAt, timeZone)}</time>
          {node.held ? null : (
            <>
              {' '}
              <a href={`#${anchor}`} aria-label={`Permalink to comment #${node.number}`}>
                {`#${node.number}`}
              </a>
            </>
          )}
        </header>
        {node.held ? (
          <p className="comment-held-note">
            <span className="usa-tag comment-tag">Your comment is awaiting moderation</span> Only
            you can see it until a moderator approves it.
          </p>
        ) : null}
        {paragraphs(node.body).map((lines, index) => (
          <p key={index}>
            {lines.map((line, lineIndex) => (
              <Fragment key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        ))}
        {replyHref && !node.held ? (
          <p className="comment-reply">
            <a href={replyHref(node.id)} aria-label={`Reply to ${node.authorName}`}>
              Reply
            </a>
          </p>
        ) : null}
      </article>
      {node.replies.length > 0 ? (
        <CommentList
          nodes={node.replies}
          className="comment-list comment-replies"
          replyHref={replyHref}
          timeZone={timeZone}
        />
      ) : null}
    </li>
  )
}
