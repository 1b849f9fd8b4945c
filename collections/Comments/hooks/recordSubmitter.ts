import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

const MAX_HEADER = 500

/**
 * The submitter's IP, user agent and referrer come from the request, never from the body. The
 * Express server puts the client address (after TRUST_PROXY) in X-Real-IP, replacing any value a
 * client sent. Only imports of stored comments keep the values they carry.
 */
export const recordSubmitter: CollectionBeforeChangeHook<Comment> = ({
  data,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || context.importing) return data
  const header = (name: string) => req.headers?.get(name)?.slice(0, MAX_HEADER) || null
  data.ip = header('x-real-ip')
  data.userAgent = header('user-agent')
  data.referrer = header('referer')
  return data
}
