import { type CollectionBeforeOperationHook, type Where } from 'payload'

import { hasRole } from '@/access/roles'
import { RequestRefused } from '@/api/requestRefused'

/**
 * Taking a post offline is an editor's call, like putting it online. An author may save a draft
 * revision of their published post (readers keep the published version), but a save that turns
 * the post itself back into a draft is refused. Only the operation's arguments tell the two
 * apart (`draft: true`), so this runs before the operation rather than as a change hook.
 */
export const rejectUnpublishingByAuthors: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'update' || !hasRole(req.user, 'author')) return args
  const { data, draft, id, where } = args as {
    data?: { _status?: string }
    draft?: boolean
    id?: number | string
    where?: Where
  }
  if (draft || data?._status !== 'draft') return args
  const target: Where = id !== undefined ? { id: { equals: id } } : (where ?? {})
  const { totalDocs } = await req.payload.count({
    collection: 'posts',
    where: { and: [target, { _status: { equals: 'published' } }] },
    req,
  })
  if (totalDocs > 0) {
    throw new RequestRefused(
      'Authors cannot unpublish: save your changes as a draft, or ask an editor to take the post offline',
      403,
    )
  }
  return args
}
