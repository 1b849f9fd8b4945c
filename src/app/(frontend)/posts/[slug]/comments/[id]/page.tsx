import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { commentLocation } from '@/data/commentLocation'
import { commentForWordPressId } from '@/data/legacyRedirects'
import { findPublishedPost } from '@/data/posts'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'

type Props = { params: Promise<{ slug: string; id: string }> }

export const metadata: Metadata = notFoundMetadata

/**
 * /posts/<slug>/comments/<id>: a comment's permanent address. Redirects to the page of the
 * thread that shows it, `#comment-<id>`; 404 for an unknown comment, or one readers cannot see.
 *
 * /posts/<slug>/comments/wordpress-<id> finds an imported comment by its WordPress id (old
 * `#comment-<id>` and `?replytocom=<id>` links); one readers cannot see, or that the export did
 * not have, lands on the post.
 */
export default async function CommentPermalink({ params }: Props) {
  const slug = decodeURIComponent((await params).slug)
  const id = decodeURIComponent((await params).id)
  const wordpress = /^wordpress-(\d{1,12})$/.exec(id)
  if (wordpress) {
    const ours = await commentForWordPressId(slug, wordpress[1])
    const location = ours === null ? null : await commentLocation(slug, ours)
    if (location) redirect(location)
    if (await findPublishedPost(slug)) redirect(`/posts/${slug}`)
    return notFoundPage()
  }
  const location = await commentLocation(slug, id)
  if (!location) return notFoundPage()
  redirect(location)
}
