import type { SpamCheckInput, SpamCheckResult } from './akismet'
import type { AkismetError } from './akismetError'

/** The input of a check as stored on the comment (dates as ISO strings), for rechecks and reports. */
export type StoredSpamInput = Omit<SpamCheckInput, 'commentDate' | 'postModified'> & {
  commentDate: string
  postModified: string | null
}

/** One exchange with Akismet, kept on the comment for moderators: checks, rechecks, reports. */
export type SpamHistoryEntry = {
  kind: 'check' | 'recheck' | 'submit-spam' | 'submit-ham'
  at: string
  verdict?: 'spam' | 'ham'
  discard?: boolean
  proTip?: string | null
  guid?: string | null
  error?: { code: string; message: string }
  /** Who taught Akismet (reports only). */
  by?: string
}

export type SpamCheckDetails = {
  input: StoredSpamInput
  history: SpamHistoryEntry[]
  /** What we last told Akismet about this comment (reports), which decides the next report. */
  reportedAs?: 'spam' | 'ham'
}

export function storeInput(input: SpamCheckInput): StoredSpamInput {
  return {
    ...input,
    commentDate: input.commentDate.toISOString(),
    postModified: input.postModified?.toISOString() ?? null,
  }
}

export function restoreInput(stored: StoredSpamInput): SpamCheckInput {
  return {
    ...stored,
    commentDate: new Date(stored.commentDate),
    postModified: stored.postModified ? new Date(stored.postModified) : null,
  }
}

export function resultEntry(kind: 'check' | 'recheck', result: SpamCheckResult): SpamHistoryEntry {
  return {
    kind,
    at: result.checkedAt,
    verdict: result.verdict,
    discard: result.discard,
    proTip: result.proTip,
    guid: result.guid,
  }
}

export function errorEntry(
  kind: SpamHistoryEntry['kind'],
  error: AkismetError,
  at: Date = new Date(),
): SpamHistoryEntry {
  return { kind, at: at.toISOString(), error: { code: error.code, message: error.message } }
}
