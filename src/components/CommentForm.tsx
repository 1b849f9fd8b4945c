'use client'

import { useActionState, useSyncExternalStore } from 'react'

import { submitCommentAction } from '@/app/(frontend)/posts/[slug]/actions'
import { INITIAL_FORM_STATE, type CommentFormState } from '@/comments/rules/commentFormState'
import { HONEYPOT_FIELD } from '@/comments/rules/honeypot'
import { commentPermalink } from '@/site/permalinks'

import { COMMENT_FIELDS, CommentFormField } from './CommentFormField'

type Props = {
  postId: number | string
  slug: string
  replyTo: { id: number | string; authorName: string } | null
  /** The outcome of a submission made without JavaScript (from the redirect's URL). */
  submitted: { status: 'pending' | 'approved'; commentId: string | null } | null
}

function statusMessage(state: CommentFormState, submitted: Props['submitted']) {
  if (state.outcome === 'submitted') return { status: state.status!, commentId: state.commentId }
  if (state.outcome === 'idle' && submitted) {
    return { status: submitted.status, commentId: submitted.commentId ?? undefined }
  }
  return null
}

// Whether the form runs with JavaScript: false in the server's HTML and during hydration, true
// once React has taken over in the browser.
const subscribeToNothing = () => () => {}
const isClient = () => true
const isServer = () => false

/**
 * The comment form. A plain HTML form that posts to a server action, so it works without
 * JavaScript; with JavaScript it submits in place. Outcomes are announced in a status region,
 * field errors sit next to their fields, and the reader's text is kept when anything is refused.
 */
export function CommentForm({ postId, slug, replyTo, submitted }: Props) {
  const [state, formAction, isPending] = useActionState(
    submitCommentAction,
    INITIAL_FORM_STATE,
    `/posts/${slug}#respond`,
  )
  const hydrated = useSyncExternalStore(subscribeToNothing, isClient, isServer)
  const done = statusMessage(state, submitted)
  const errorFields = COMMENT_FIELDS.filter((field) => state.fieldErrors[field.name])

  return (
    <section id="respond" className="comment-form" aria-labelledby="respond-heading">
      <h2 id="respond-heading">{replyTo ? `Reply to ${replyTo.authorName}` : 'Leave a comment'}</h2>
      <div id="comment-status" role="status" className="comment-status">
        {done ? (
          <div
            className={`usa-alert usa-alert--${done.status === 'approved' ? 'success' : 'info'} usa-alert--slim`}
          >
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                {done.status === 'approved'
                  ? 'Your comment has been published. '
                  : 'Your comment is awaiting moderation.'}
                {done.status === 'approved' && done.commentId ? (
                  <a href={commentPermalink(slug, done.commentId)}>View your comment</a>
                ) : null}
              </p>
            </div>
          </div>
        ) : null}
      </div>
      {state.outcome === 'refused' ? (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {state.message ?? 'Your comment was not saved. Please correct the fields below.'}
            </p>
            {errorFields.length ? (
              <ul className="usa-list">
                {errorFields.map((field) => (
                  <li key={field.name}>
                    <a href={`#comment-${field.name}`}>{state.fieldErrors[field.name]}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
      {replyTo ? (
        <p>
          <a href={`/posts/${slug}#respond`}>Cancel reply</a>
        </p>
      ) : null}
      <p className="usa-hint">
        Comments are moderated and appear once approved. Required fields are marked{' '}
        <abbr title="required" className="usa-hint usa-hint--required">
          *
        </abbr>
        .
      </p>
      <form action={formAction} className="usa-form usa-form--large" noValidate>
        <input type="hidden" name="post" value={String(postId)} />
        <input type="hidden" name="slug" value={slug} />
        {replyTo ? <input type="hidden" name="parent" value={String(replyTo.id)} /> : null}
        {hydrated ? <input type="hidden" name="js" value="1" /> : null}
        {COMMENT_FIELDS.map((field) => (
          <CommentFormField key={field.name} field={field} state={state} />
        ))}
        <div className="comment-form__trap" aria-hidden="true">
          <label htmlFor={`comment-${HONEYPOT_FIELD}`}>Leave this field empty</label>
          <input
            id={`comment-${HONEYPOT_FIELD}`}
            name={HONEYPOT_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
        <button type="submit" className="usa-button" disabled={isPending}>
          {isPending ? 'Posting…' : replyTo ? 'Post reply' : 'Post comment'}
        </button>
      </form>
    </section>
  )
}
