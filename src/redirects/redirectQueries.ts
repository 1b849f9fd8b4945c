import type { PayloadRequest } from 'payload'

import type { Id } from '@/lib/idOf'
import type { Redirect } from '@/payload-types'

const POST_PATH = /^\/posts\/([^/]+)$/

/**
 * The redirect stored for a normal `from` path (other than `except`), in the request's
 * transaction: one lookup on the unique index.
 */
export async function redirectFrom(
  req: PayloadRequest,
  from: string,
  except?: Id | null,
): Promise<Redirect | null> {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: {
      from: { equals: from },
      ...(except != null ? { id: { not_equals: except } } : {}),
    },
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  return docs[0] ?? null
}

/**
 * The published post (other than `except`) that answers at `path` itself, so that a redirect
 * from there would never be used; null for any other path.
 */
export async function livePostAt(
  req: PayloadRequest,
  path: string,
  except?: Id | null,
): Promise<{ id: Id; title: string } | null> {
  const slug = POST_PATH.exec(path)?.[1]
  if (!slug) return null
  const { docs } = await req.payload.find({
    collection: 'posts',
    where: {
      slug: { equals: slug },
      _status: { equals: 'published' },
      ...(except != null ? { id: { not_equals: except } } : {}),
    },
    limit: 1,
    depth: 0,
    select: { title: true },
    req,
    overrideAccess: true,
  })
  return docs[0] ?? null
}
