import type { Post } from '@/payload-types'
import { imageSource, imageSrcSet, populatedMedia } from '@/site/featuredImage'

/**
 * A post's featured image above its text: the sizes Payload made as `srcset`, its own width and
 * height (so nothing jumps while it loads; CSS keeps the ratio), and its caption.
 */
export function FeaturedImage({ image }: { image: Post['featuredImage'] }) {
  const media = populatedMedia(image)
  const source = media ? imageSource(media) : null
  if (!media || !source) return null
  return (
    <figure className="post-featured-image">
      <img
        src={source.url}
        srcSet={imageSrcSet(media)}
        sizes="(min-width: 64em) 48rem, 100vw"
        width={source.width}
        height={source.height}
        alt={media.alt}
        fetchPriority="high"
      />
      {media.caption ? <figcaption>{media.caption}</figcaption> : null}
    </figure>
  )
}
