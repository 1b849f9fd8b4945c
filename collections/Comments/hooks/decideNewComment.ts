import type { CollectionBeforeValidateHook } from 'payload'

import { decideCreatedComment } from '@/comments/submission/submitComment'
import type { Comment } from '@/payload-types'

/**
 * A comment created through GraphQL or the Local API goes through the comment pipeline here; one
 * from the pipeline itself (REST, the comment form) is already decided, and imported history
 * keeps what it carries.
 */
export const decideNewComment: CollectionBeforeValidateHook<Comment> = async ({
  data,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || !data || context.importing || context.commentSubmissionDecided) {
    return data
  }
  return decideCreatedComment(req, data)
}
