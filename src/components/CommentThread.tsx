import { Fragment } from 'react'

import type { ThreadNode } from '@/comments/buildThread'
import { paragraphs } from '@/comments/paragraphs'
import { formatDate } from '@/formatDate'

/** A post's comments, threaded; everything readers wrote is rendered as text. */
export function CommentThread({ nodes }: { nodes: ThreadNode[] }) {
  if (nodes.length === 0) return null
  return <CommentList nodes={nodes} className="comment-list" />
}

function CommentList({ nodes, className }: { nodes: ThreadNode[]; className: string }) {
  return (
    <ol className={className}>
      {nodes.map((node) => (
        <CommentItem key={node.id} node={node} />
      ))}
    </ol>
  )
}

function CommentItem({ node }: { node: ThreadNode }) {
  const anchor = `comment-${node.id}`
  const website = webUrl(node.authorUrl)
  return (
    <li id={anchor} className="comment">
      <article aria-labelledby={`${anchor}-author`}>
        <header>
          <span id={`${anchor}-author`} className="comment-author">
            {website ? (
              <a href={website} rel="nofollow ugc">
                {node.authorName}
              </a>
            ) : (
              node.authorName
            )}
          </span>{' '}
          <time dateTime={node.createdAt}>{formatDate(node.createdAt)}</time>{' '}
          <a href={`#${anchor}`} aria-label={`Permalink to comment #${node.number}`}>
            {`#${node.number}`}
          </a>
        </header>
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
      </article>
      {node.replies.length > 0 ? (
        <CommentList nodes={node.replies} className="comment-list comment-replies" />
      ) : null}
    </li>
  )
}

/** The author's website if it is an http(s) URL; anything else (javascript:, data:, junk) is dropped. */
function webUrl(value: string | null): string | null {
  if (!value || !URL.canParse(value)) return null
  const url = new URL(value)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}
