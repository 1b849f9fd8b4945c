import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { commentLocation } from '@/data/commentLocation'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'

type Props = { params: Promise<{ slug: string; id: string }> }

export const metadata: Metadata = notFoundMetadata

/**
 * /posts/<slug>/comments/<id>: a comment's permanent address. Redirects to the page of the
 * thread that shows it, `#comment-<id>`; 404 for an unknown comment, or one readers cannot see.
 */
export default async function CommentPermalink({ params }: Props) {
  const { slug, id } = await params
  const location = await commentLocation(decodeURIComponent(slug), decodeURIComponent(id))
  if (!location) return notFoundPage()
  redirect(location)
}
