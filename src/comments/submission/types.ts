import type { SubmissionFields } from '@/comments/rules/validateSubmission'
import type { Id } from '@/lib/idOf'
import type { Comment, Post, SiteSetting, User } from '@/payload-types'

/** The fields a reader may send; anything else in a submission is ignored. */
export const SUBMISSION_FIELDS = [
  'post',
  'parent',
  'authorName',
  'authorEmail',
  'authorUrl',
  'body',
  'homepage',
] as const

export type SubmissionInput = Partial<Record<(typeof SUBMISSION_FIELDS)[number], unknown>>

/** Who submits, from the request (never from the body). */
export type Submitter = {
  /** The signed-in staff member, or null for a reader. */
  staff: User | null
  ip: string | null
  userAgent: string | null
  referrer: string | null
}

/** A submission whose fields, post, thread and parent passed the rules. */
export type Accepted = {
  post: Post
  settings: SiteSetting
  parent: Id | null
  /** The top-level comment a reply belongs to (null for a top-level comment). */
  thread: Id | null
  fields: SubmissionFields
  /** The hidden honeypot field as sent ('' when empty, as people leave it). */
  honeypot: string
}

export type SpamCheck = NonNullable<Comment['spamCheck']>

/** What the spam screen found: the honeypot, Akismet's verdict, or why there is none yet. */
export type Screening =
  | { kind: 'honeypot' }
  | { kind: 'spam'; spamCheck: SpamCheck; discard: boolean }
  | { kind: 'ham'; spamCheck: SpamCheck }
  | { kind: 'check failed'; spamCheck: SpamCheck; message: string }
  | { kind: 'check queued'; spamCheck: SpamCheck }
  | { kind: 'not checked' }

/** The status a new comment is stored with, why, and the rule that decided. */
export type Decision = {
  status: Comment['status']
  reason: string
  rule: string
  spamCheck: SpamCheck | null
}
