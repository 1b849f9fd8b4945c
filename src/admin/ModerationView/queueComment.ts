import type { CommentStatus } from '@/comments/rules/statuses'

/** What the moderation queue shows of a comment: plain, serialisable data for the client. */
export type QueueComment = {
  id: number | string
  status: CommentStatus
  statusReason: string | null
  authorName: string
  authorEmail: string | null
  authorUrl: string | null
  ip: string | null
  body: string
  createdAt: string
  /** The date as staff read it, formatted on the server so both renders agree. */
  createdAtLabel: string
  spamVerdict: string | null
  /** Why it is suspicious ("2 links", "listed word", "Akismet: spam"); empty when it is not. */
  suspicions: string[]
  /** The listed word a moderation rule matched (from its reason), to highlight. */
  matchedWord: string | null
  post: { id: number | string; title: string; slug: string | null } | null
  parent: { id: number | string; authorName: string | null; body: string | null } | null
}
