import type { CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '@/access/roles'
import { applyModerationRules } from '@/comments/applyModerationRules'
import type { Comment } from '@/payload-types'
import { AkismetError } from '@/spam/akismetError'
import {
  errorEntry,
  getAkismet,
  resultEntry,
  storeInput,
  type SpamCheckDetails,
} from '@/spam/spamCheckRecord'
import { spamInputFor } from '@/spam/spamInputFor'

import type { SubmissionContext } from './applySubmissionRules'

export { HONEYPOT_FIELD } from '@/comments/honeypot'

/**
 * Sets a new comment's status and the reason for it; whatever status the client sent is ignored.
 * A filled honeypot is spam. Then Akismet, when configured: spam is spam; a failed check leaves
 * the comment pending, to be checked again by the recheckSpam job. Otherwise (ham, staff, Akismet
 * off) the moderation rules decide (src/comments/moderationRules).
 */
export const assignModerationStatus: CollectionBeforeChangeHook<Comment> = async ({
  data,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || context.importing) return data
  const { post, settings } = req.context.submission as SubmissionContext
  const user = staffUser(req)
  const now = new Date()
  data.submittedBy = user?.id ?? null
  data.statusChangedAt = now.toISOString()

  if (!user && typeof data.homepage === 'string' && data.homepage.trim() !== '') {
    data.status = 'spam'
    data.statusReason = 'The hidden honeypot field was filled in'
    req.context.statusRule = 'honeypot'
    return data
  }
  data.homepage = null

  const akismet = getAkismet(req.payload)
  // Staff are not checked; neither is a comment without a client address (made by server code).
  if (akismet && !user && data.ip) {
    const input = spamInputFor(data as Comment, post, akismet.config.siteUrl, now)
    const details: SpamCheckDetails = { input: storeInput(input), history: [] }
    try {
      const result = await akismet.checker.check(input)
      details.history.push(resultEntry('check', result))
      data.spamCheck = {
        verdict: result.verdict,
        checkedAt: result.checkedAt,
        discard: result.discard,
        details,
      }
      if (result.verdict === 'spam') {
        data.status = 'spam'
        data.statusReason = result.discard ? 'Akismet (blatant spam)' : 'Akismet'
        req.context.statusRule = 'Akismet'
        return data
      }
    } catch (error) {
      if (!(error instanceof AkismetError)) throw error
      req.payload.logger.warn(
        { err: error },
        'Akismet check failed; the comment waits for a recheck',
      )
      details.history.push(errorEntry('check', error, now))
      data.spamCheck = { verdict: 'error', checkedAt: now.toISOString(), discard: false, details }
      data.status = 'pending'
      data.statusReason = `Spam check failed, retrying: ${error.message}`
      req.context.statusRule = 'spam check failed'
      return data
    }
  }

  const decision = await applyModerationRules(req, data as Comment, settings, user)
  data.status = decision.status
  data.statusReason = decision.reason
  // req.context, not `context`: the lookup above replaced req.context with a merged copy.
  req.context.statusRule = decision.rule
  return data
}
