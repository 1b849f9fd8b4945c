import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { actorOf, recordAudit } from '@/audit/recordAudit'
import { idOf } from '@/lib/idOf'
import type { Redirect } from '@/payload-types'

/** Where a redirect leads, for the record: `post 12 "Title"`, or its address. */
async function describeTarget(req: PayloadRequest, to: Redirect['to']): Promise<string> {
  if (to.type !== 'post') return to.url ?? '(none)'
  const id = idOf(to.post)
  if (id === null) return '(no post)'
  const post = await req.payload.findByID({
    collection: 'posts',
    id,
    depth: 0,
    select: { title: true },
    draft: true,
    disableErrors: true,
    req,
    overrideAccess: true,
  })
  return post ? `post ${id} "${post.title}"` : `post ${id}`
}

const sameTarget = (a: Redirect['to'], b: Redirect['to']) =>
  a.type === b.type && idOf(a.post) === idOf(b.post) && (a.url ?? null) === (b.url ?? null)

/**
 * Redirects change where readers land, as publishing does: each one made, changed or deleted is on
 * record, whoever made it (an editor, or a slug change as part of publishing).
 */
export const auditRedirectChange: CollectionAfterChangeHook<Redirect> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const created = operation === 'create'
  if (!created && previousDoc.from === doc.from && sameTarget(previousDoc.to, doc.to)) return doc
  const to = await describeTarget(req, doc.to)
  await recordAudit(req, {
    action: created ? 'redirect-create' : 'redirect-change',
    actor: actorOf(req, 'slug change'),
    summary: `${created ? 'Redirect added' : 'Redirect changed'}: ${doc.from} → ${to}`,
    targetType: 'redirect',
    targetId: doc.id,
    targetLabel: doc.from,
    post: doc.to.type === 'post' ? idOf(doc.to.post) : null,
    from: created ? null : `${previousDoc.from} → ${await describeTarget(req, previousDoc.to)}`,
    to: `${doc.from} → ${to}`,
  })
  return doc
}

export const auditRedirectDeletion: CollectionAfterDeleteHook<Redirect> = async ({ doc, req }) => {
  const to = await describeTarget(req, doc.to)
  await recordAudit(req, {
    action: 'redirect-delete',
    actor: actorOf(req, 'slug change'),
    summary: `Redirect removed: ${doc.from} → ${to}`,
    targetType: 'redirect',
    targetId: doc.id,
    targetLabel: doc.from,
    from: `${doc.from} → ${to}`,
    to: null,
  })
  return doc
}
