import type { PayloadRequest } from 'payload'

import type { Id } from '@/lib/idOf'
import type { Redirect } from '@/payload-types'

import { redirectFrom } from './redirectQueries'
import { postPath } from './redirectPaths'

type SlugChange = {
  postId: Id
  /** The slug the post is published at now. */
  slug: string
  /** The slug it was last published at before this write; null when it never was. */
  previousSlug: string | null
}

/**
 * What publishing a post at a slug does to the redirects, in the request's transaction:
 * - its address is live, so no redirect may send readers away from it: one from there goes
 *   (a slug changed back, or a slug another post used to have);
 * - its previous public address redirects to the post. The redirect names the post, not the slug,
 *   so a slug changed twice sends both old addresses straight to the newest; an existing redirect
 *   from there is repointed rather than duplicated.
 */
export async function followSlugChange(
  req: PayloadRequest,
  { postId, slug, previousSlug }: SlugChange,
): Promise<void> {
  if (previousSlug === slug) return
  const stale = await redirectFrom(req, postPath(slug))
  if (stale) {
    await req.payload.delete({ collection: 'redirects', id: stale.id, req, overrideAccess: true })
  }
  if (!previousSlug) return

  const from = postPath(previousSlug)
  const to = { type: 'post', post: postId, url: null } as Redirect['to']
  const existing = await redirectFrom(req, from)
  if (existing) {
    await req.payload.update({
      collection: 'redirects',
      id: existing.id,
      data: { to },
      depth: 0,
      req,
      overrideAccess: true,
    })
  } else {
    await req.payload.create({
      collection: 'redirects',
      data: { from, to },
      depth: 0,
      req,
      overrideAccess: true,
    })
  }
}
