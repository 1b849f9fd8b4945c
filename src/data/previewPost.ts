import { headers } from 'next/headers'
import { cache } from 'react'

import { staffUser } from '@/access/roles'
import type { Post, SiteSetting } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'
import { findPublishedPost } from './posts'
import { getSiteSettings } from './siteSettings'

export type PostPreview = {
  /** The post as last saved: its newest draft when it has one. */
  post: Post
  settings: SiteSetting
  /** The address readers reach the published version at; null when none is published. */
  liveAddress: string | null
}

/**
 * A post's newest saved version for the signed-in staff member sending this request, or null for
 * anyone else (not signed in, an unknown post, one their role may not read). The session cookie
 * is checked by Payload itself (`payload.auth`), and the post is read with their access rights,
 * drafts included. Never cached: the answer depends on who asks. `cache` only shares it between
 * the page and its metadata within one request.
 */
export const loadPostPreview = cache(async (id: string): Promise<PostPreview | null> => {
  const payload = await getPayloadClient()
  // Numbers on SQL databases, ObjectIds on MongoDB: anything else names no post.
  const postId =
    payload.db.defaultIDType === 'number'
      ? /^\d{1,15}$/.test(id)
        ? Number(id)
        : null
      : /^[0-9a-f]{24}$/i.test(id)
        ? id
        : null
  if (postId === null) return null
  const user = staffUser(await payload.auth({ headers: await headers() }))
  if (!user) return null
  const post = await payload.findByID({
    collection: 'posts',
    id: postId,
    draft: true,
    depth: 1,
    overrideAccess: false,
    user,
    disableErrors: true,
  })
  if (!post) return null
  const live = post.publishedSlug ? await findPublishedPost(post.publishedSlug) : null
  return {
    post,
    settings: await getSiteSettings(),
    liveAddress: live && String(live.id) === String(post.id) ? `/posts/${live.slug}` : null,
  }
})
