import { HONEYPOT_FIELD } from '@/comments/rules/honeypot'
import type { Comment, Post } from '@/payload-types'

import type { SpamCheckInput } from './akismet'

type NewComment = Pick<Comment, 'authorName' | 'authorEmail' | 'authorUrl' | 'body'> & {
  ip?: string | null
  userAgent?: string | null
  referrer?: string | null
  /** The comment replied to, if any. */
  parent?: unknown
  [HONEYPOT_FIELD]?: string | null
}

/** Everything Akismet can use about a new comment; never cookies or auth headers. */
export function spamInputFor(
  comment: NewComment,
  post: Pick<Post, 'slug' | 'updatedAt'>,
  siteUrl: string,
  now: Date = new Date(),
): SpamCheckInput {
  return {
    userIp: comment.ip ?? '',
    userAgent: comment.userAgent ?? '',
    referrer: comment.referrer ?? null,
    permalink: `${siteUrl.replace(/\/+$/, '')}/posts/${post.slug}`,
    commentType: comment.parent ? 'reply' : 'comment',
    authorName: comment.authorName,
    authorEmail: comment.authorEmail,
    authorUrl: comment.authorUrl ?? null,
    content: comment.body,
    commentDate: now,
    postModified: post.updatedAt ? new Date(post.updatedAt) : null,
    blogLang: 'en',
    blogCharset: 'UTF-8',
    honeypotFieldName: HONEYPOT_FIELD,
    honeypotValue: comment[HONEYPOT_FIELD] ?? '',
  }
}
