import type { SiteSetting } from '@/payload-types'

export type ModerationSettings = Pick<
  SiteSetting,
  'moderationMode' | 'moderationWords' | 'disallowedWords' | 'linkLimit'
>

export type ModeratedComment = {
  authorName: string
  authorEmail: string
  authorUrl: string | null
  body: string
  ip: string | null
  userAgent: string | null
}

export type ModerationDecision = {
  status: 'approved' | 'pending' | 'trash'
  /** Recorded on the comment: why it has this status. */
  reason: string
  /** The rule that decided, for the audit trail ("system: <rule>"). */
  rule: string
}

type Lookups = {
  /** The signed-in staff member's role, or null for a reader. */
  staffRole: string | null
  /** Whether a comment with this exact name and email was ever approved. */
  hasApprovedComment: () => Promise<boolean>
}

const FIELD_LABELS: [keyof ModeratedComment, string][] = [
  ['authorName', 'name'],
  ['authorEmail', 'email'],
  ['authorUrl', 'website'],
  ['body', 'text'],
  ['ip', 'IP address'],
  ['userAgent', 'user agent'],
]

/** One entry per non-blank line, trimmed. */
export function wordList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/** The first listed word found (case-insensitively, anywhere) in any field, with where. */
export function findListedWord(
  comment: ModeratedComment,
  words: string[],
): { word: string; field: string } | null {
  for (const word of words) {
    const needle = word.toLocaleLowerCase()
    for (const [key, label] of FIELD_LABELS) {
      const value = comment[key]
      if (value && value.toLocaleLowerCase().includes(needle)) return { word, field: label }
    }
  }
  return null
}

/** Links as a reader would see them: http(s) URLs and bare www. addresses in the text. */
export function countLinks(body: string): number {
  return body.match(/(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+/gi)?.length ?? 0
}

/**
 * WordPress's discussion rules, in its order: staff are approved; then disallowed words (trash),
 * moderation words, too many links, and the moderation mode. The first rule that applies decides.
 */
export async function decideStatus(
  comment: ModeratedComment,
  settings: ModerationSettings,
  lookups: Lookups,
): Promise<ModerationDecision> {
  if (lookups.staffRole) {
    return {
      status: 'approved',
      reason: `Posted by signed-in staff (${lookups.staffRole})`,
      rule: 'staff comment',
    }
  }
  const disallowed = findListedWord(comment, wordList(settings.disallowedWords))
  if (disallowed) {
    return {
      status: 'trash',
      reason: `Disallowed word "${disallowed.word}" in ${disallowed.field}`,
      rule: 'disallowed words',
    }
  }
  const held = findListedWord(comment, wordList(settings.moderationWords))
  if (held) {
    return {
      status: 'pending',
      reason: `Moderation word "${held.word}" in ${held.field}`,
      rule: 'moderation words',
    }
  }
  const limit = settings.linkLimit ?? 2
  const links = countLinks(comment.body)
  if (limit > 0 && links >= limit) {
    return {
      status: 'pending',
      reason: `${links} links in the text (held at ${limit} or more)`,
      rule: 'link limit',
    }
  }
  switch (settings.moderationMode ?? 'first-time') {
    case 'all':
      return {
        status: 'pending',
        reason: 'Every comment is held for moderation',
        rule: 'moderation mode: all',
      }
    case 'none':
      return { status: 'approved', reason: 'Passed every rule', rule: 'moderation mode: none' }
    default:
      return (await lookups.hasApprovedComment())
        ? {
            status: 'approved',
            reason: 'This name and email have an approved comment',
            rule: 'moderation mode: first-time',
          }
        : {
            status: 'pending',
            reason: 'First comment from this name and email',
            rule: 'moderation mode: first-time',
          }
  }
}
