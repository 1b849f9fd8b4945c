import type { Metadata } from 'next'

import { PostArticle } from '@/components/PostArticle'
import { PreviewBanner } from '@/components/PreviewBanner'
import { loadPostPreview } from '@/data/previewPost'
import { agencyTimeZone } from '@/lib/timeZone'
import { notFoundMetadata, notFoundPage } from '@/site/notFoundPage'

// A signed-in staff member's view of a post as last saved, drafts included, on the public layout.
// Anyone else gets the 404 page: the address must not even confirm that the post exists. The
// Express front keeps it out of every cache and marks it noindex (src/server/pageCache.ts).
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const preview = await loadPostPreview((await params).id)
  if (!preview) return notFoundMetadata
  return { title: `Preview: ${preview.post.title}`, robots: { index: false, follow: false } }
}

export default async function PostPreviewPage({ params }: Props) {
  const preview = await loadPostPreview((await params).id)
  if (!preview) return notFoundPage()
  const { post, settings, liveAddress } = preview
  return (
    <article>
      <PreviewBanner
        postId={post.id}
        status={post._status === 'published' ? 'published' : 'draft'}
        liveAddress={liveAddress}
      />
      <PostArticle post={post} settings={settings} timeZone={agencyTimeZone(settings)} />
      <p className="preview-comments">Comments are not shown in a preview.</p>
    </article>
  )
}
