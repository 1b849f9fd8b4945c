import type { CollectionBeforeChangeHook } from 'payload'

import type { Post } from '@/payload-types'

/** Publishing a post is the review's answer: it no longer waits for one. */
export const clearReviewOnPublish: CollectionBeforeChangeHook<Post> = ({ data }) => {
  if (data._status !== 'published') return data
  data.reviewStatus = 'none'
  data.submittedForReviewAt = null
  data.submittedForReviewBy = null
  return data
}
