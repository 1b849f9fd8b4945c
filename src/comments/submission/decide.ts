import type { PayloadRequest } from 'payload'

import { applyModerationRules } from '@/comments/submission/applyModerationRules'

import type { Accepted, Decision, Screening, Submitter } from './types'

/**
 * The fourth stage: the status. What the spam screen found decides first (spam is spam; a check
 * that failed or waits in the queue keeps the comment pending); otherwise the moderation rules
 * (src/comments/rules/moderationRules.ts).
 */
export async function decideSubmission(
  req: PayloadRequest,
  { fields, settings }: Accepted,
  submitter: Submitter,
  screening: Screening,
): Promise<Decision> {
  switch (screening.kind) {
    case 'honeypot':
      return {
        status: 'spam',
        reason: 'The hidden honeypot field was filled in',
        rule: 'honeypot',
        spamCheck: null,
      }
    case 'spam':
      return {
        status: 'spam',
        reason: screening.discard ? 'Akismet (blatant spam)' : 'Akismet',
        rule: 'Akismet',
        spamCheck: screening.spamCheck,
      }
    case 'check failed':
      return {
        status: 'pending',
        reason: `Spam check failed, retrying: ${screening.message}`,
        rule: 'spam check failed',
        spamCheck: screening.spamCheck,
      }
    case 'check queued':
      return {
        status: 'pending',
        reason: 'Waiting for the spam check',
        rule: 'spam check queued',
        spamCheck: screening.spamCheck,
      }
    case 'ham':
    case 'not checked': {
      const decision = await applyModerationRules(
        req,
        { ...fields, ip: submitter.ip, userAgent: submitter.userAgent },
        settings,
        submitter.staff,
      )
      return { ...decision, spamCheck: screening.kind === 'ham' ? screening.spamCheck : null }
    }
  }
}
