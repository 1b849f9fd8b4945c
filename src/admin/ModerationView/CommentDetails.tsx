import { commentPermalink } from '@/site/permalinks'

import { HighlightedText } from './HighlightedText'
import type { QueueComment } from './queueComment'

type Props = { adminRoute: string; comment: QueueComment; words: string[] }

/**
 * What "Details" opens: the whole text, the facts a moderator checks before deciding, and where
 * to go next. In the page (hidden) from the start, so opening it is instant.
 */
export function CommentDetails({ adminRoute, comment, words }: Props) {
  const { post, parent } = comment
  return (
    <>
      <div className="moderation__body">
        <HighlightedText text={comment.body} words={words} />
      </div>
      <dl className="moderation__facts">
        <dt>Email</dt>
        <dd>{comment.authorEmail ?? '—'}</dd>
        <dt>Website</dt>
        <dd>{comment.authorUrl ?? '—'}</dd>
        <dt>IP address</dt>
        <dd>{comment.ip ?? '—'}</dd>
        {comment.spamVerdict && comment.spamVerdict !== 'unchecked' ? (
          <>
            <dt>Spam check</dt>
            <dd>{comment.spamVerdict}</dd>
          </>
        ) : null}
        {post ? (
          <>
            <dt>Post</dt>
            <dd className="moderation__post-links">
              {post.slug ? (
                <a href={commentPermalink(post.slug, comment.id)}>View on site</a>
              ) : null}{' '}
              <a href={`${adminRoute}/collections/posts/${post.id}`}>Edit post</a>
            </dd>
          </>
        ) : null}
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
      </dl>
      <p className="moderation__edit-link">
        <a href={`${adminRoute}/collections/comments/${comment.id}`}>
          Edit comment #{comment.id} and see its history
        </a>
      </p>
    </>
  )
}
