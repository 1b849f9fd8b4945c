import type { Where } from 'payload'

import { countLinks } from '@/comments/rules/moderationRules'

/**
 * What makes a comment suspicious, so that a bulk approve cannot hide it: links in its text, a
 * moderation rule's reason (a listed word, the link limit), or Akismet's doubt (a spam verdict,
 * or a check that failed). The same signs as a database filter (for the confirmation's count)
 * and for one comment (for its badge).
 */
const LINK_MARKERS = ['http://', 'https://', 'www.']
const RULE_REASONS = ['Moderation word', 'Disallowed word', 'links in the text']
const DOUBTFUL_VERDICTS = ['spam', 'error']

export const SUSPICIOUS: Where = {
  or: [
    ...LINK_MARKERS.map((marker) => ({ body: { contains: marker } })),
    ...RULE_REASONS.map((reason) => ({ statusReason: { contains: reason } })),
    { 'spamCheck.verdict': { in: DOUBTFUL_VERDICTS } },
  ],
}

type Signs = { body: string; statusReason: string | null; spamVerdict: string | null }

/** Why a comment is suspicious, in a few words each; empty when it is not. */
export function suspicionsOf({ body, statusReason, spamVerdict }: Signs): string[] {
  const found: string[] = []
  const links = countLinks(body)
  if (links > 0) found.push(links === 1 ? '1 link' : `${links} links`)
  const reason = statusReason ?? ''
  if (RULE_REASONS.slice(0, 2).some((marker) => reason.includes(marker))) found.push('listed word')
  else if (reason.includes(RULE_REASONS[2]) && !links) found.push('link limit')
  if (spamVerdict === 'spam') found.push('Akismet: spam')
  if (spamVerdict === 'error') found.push('spam check failed')
  return found
}

/** The listed word a moderation rule matched, from the reason it recorded. */
export function matchedWordOf(statusReason: string | null): string | null {
  return /^(?:Moderation|Disallowed) word "(.+)" in /.exec(statusReason ?? '')?.[1] ?? null
}
