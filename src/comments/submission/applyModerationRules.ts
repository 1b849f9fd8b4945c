import type { PayloadRequest } from 'payload'

import type { Comment, SiteSetting, User } from '@/payload-types'

import { decideStatus, type ModerationDecision } from '../rules/moderationRules'

/** The moderation rules for a comment, with the database lookup the first-time rule needs. */
export function applyModerationRules(
  req: PayloadRequest,
  comment: Pick<Comment, 'authorName' | 'authorEmail' | 'authorUrl' | 'body' | 'ip' | 'userAgent'>,
  settings: SiteSetting,
  staff: User | null,
): Promise<ModerationDecision> {
  return decideStatus(
    {
      authorName: comment.authorName ?? '',
      authorEmail: comment.authorEmail ?? '',
      authorUrl: comment.authorUrl ?? null,
      body: comment.body ?? '',
      ip: comment.ip ?? null,
      userAgent: comment.userAgent ?? null,
    },
    settings,
    {
      staffRole: staff?.role ?? null,
      hasApprovedComment: async () => {
        const { totalDocs } = await req.payload.count({
          collection: 'comments',
          where: {
            authorName: { equals: comment.authorName },
            authorEmail: { equals: comment.authorEmail },
            status: { equals: 'approved' },
          },
          req,
        })
        return totalDocs > 0
      },
    },
  )
}
