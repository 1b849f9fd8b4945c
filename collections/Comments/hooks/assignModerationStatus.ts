import type { CollectionBeforeChangeHook } from 'payload'

import { decideStatus } from '@/comments/moderationRules'
import type { Comment, User } from '@/payload-types'

import type { SubmissionContext } from './applySubmissionRules'

export { HONEYPOT_FIELD } from '@/comments/honeypot'

/**
 * Sets a new comment's status and the reason for it; whatever status the client sent is ignored.
 * A filled honeypot is spam. Otherwise the moderation rules decide (src/comments/moderationRules).
 * The spam check (Akismet) slots in before the rules.
 */
export const assignModerationStatus: CollectionBeforeChangeHook<Comment> = async ({
  data,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || context.importing) return data
  const { settings } = req.context.submission as SubmissionContext
  const user = req.user?.collection === 'users' ? (req.user as User) : null
  data.submittedBy = user?.id ?? null
  data.statusChangedAt = new Date().toISOString()

  if (!user && typeof data.homepage === 'string' && data.homepage.trim() !== '') {
    data.status = 'spam'
    data.statusReason = 'The hidden honeypot field was filled in'
    req.context.statusRule = 'honeypot'
    return data
  }
  data.homepage = null

  const decision = await decideStatus(
    {
      authorName: data.authorName ?? '',
      authorEmail: data.authorEmail ?? '',
      authorUrl: data.authorUrl ?? null,
      body: data.body ?? '',
      ip: data.ip ?? null,
      userAgent: data.userAgent ?? null,
    },
    settings,
    {
      staffRole: user?.role ?? null,
      hasApprovedComment: async () => {
        const { totalDocs } = await req.payload.count({
          collection: 'comments',
          where: {
            authorName: { equals: data.authorName },
            authorEmail: { equals: data.authorEmail },
            status: { equals: 'approved' },
          },
          req,
        })
        return totalDocs > 0
      },
    },
  )
  data.status = decision.status
  data.statusReason = decision.reason
  // req.context, not `context`: the lookup above replaced req.context with a merged copy.
  req.context.statusRule = decision.rule
  return data
}
