import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { hasRole } from '@/access/roles'
import { RequestRefused } from '@/api/requestRefused'
import { idOf } from '@/lib/idOf'

const MESSAGE =
  'Authors cannot unpublish: save your changes as a draft, or ask an editor to take the post offline'

/** Restoring a draft version of a published post takes the post offline too. */
async function refuseDraftRestore(req: PayloadRequest, versionId: number | string) {
  // disableErrors: an unknown version is null; any other error (the database away) is thrown.
  const version = await req.payload.findVersionByID({
    collection: 'posts',
    id: String(versionId),
    depth: 0,
    req,
    disableErrors: true,
  })
  if (!version || version.version?._status !== 'draft') return
  const parent = idOf(version.parent)
  if (parent === null) return
  const { totalDocs } = await req.payload.count({
    collection: 'posts',
    where: { and: [{ id: { equals: parent } }, { _status: { equals: 'published' } }] },
    req,
  })
  if (totalDocs > 0) throw new RequestRefused(MESSAGE, 403)
}

/**
 * Taking a post offline is an editor's call, like putting it online. An author may save a draft
 * revision of their published post (readers keep the published version), but a save that turns
 * the post itself back into a draft is refused, as is restoring a draft version over it. Only
 * the operation's arguments tell a draft revision from an unpublishing save (`draft: true`), so
 * this runs before the operation rather than as a change hook.
 */
export const rejectUnpublishingByAuthors: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (!hasRole(req.user, 'author')) return args
  if (operation === 'restoreVersion') {
    const { draft, id } = args as { draft?: boolean; id?: number | string }
    if (!draft && id !== undefined) await refuseDraftRestore(req, id)
    return args
  }
  if (operation !== 'update') return args
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
    throw new RequestRefused(MESSAGE, 403)
  }
  return args
}
