import type { Media, Post } from '@/payload-types'

/** An image file as a page or feed uses it. */
export type ImageSource = {
  url: string
  width: number
  height: number
  alt: string
  mimeType: string
  filesize: number | null
}

type SizeName = keyof NonNullable<Media['sizes']>

/** The media document a relationship holds, when it came populated (depth 1). */
export function populatedMedia(value: Post['featuredImage'] | undefined): Media | null {
  return value && typeof value === 'object' && value.url ? value : null
}

/** The named size when Payload made it (only from larger originals), else the original. */
export function imageSource(media: Media, size?: SizeName): ImageSource | null {
  const variant = size ? media.sizes?.[size] : undefined
  const file = variant?.url ? variant : media
  if (!file.url || !file.width || !file.height) return null
  return {
    url: file.url,
    width: file.width,
    height: file.height,
    alt: media.alt,
    mimeType: file.mimeType ?? media.mimeType ?? 'image/jpeg',
    filesize: file.filesize ?? null,
  }
}

/** `srcset` candidates: the sizes Payload made and the original, narrowest first. */
export function imageSrcSet(media: Media): string | undefined {
  const candidates = [media.sizes?.thumbnail, media.sizes?.card, media]
    .filter((file): file is { url: string; width: number } => Boolean(file?.url && file.width))
    .sort((a, b) => a.width - b.width)
  const unique = candidates.filter((file, i) => i === 0 || file.width !== candidates[i - 1].width)
  return unique.length > 1
    ? unique.map((file) => `${file.url} ${file.width}w`).join(', ')
    : undefined
}

/** The image a shared link shows: the one chosen for sharing, else the featured image. */
export function shareImageOf(post: Pick<Post, 'featuredImage' | 'meta'>): ImageSource | null {
  const media = populatedMedia(post.meta?.image) ?? populatedMedia(post.featuredImage)
  return media ? imageSource(media) : null
}

/** Makes a site-relative URL absolute (feeds and structured data need absolute ones). */
export const absoluteUrl = (url: string, siteUrl: string) => new URL(url, `${siteUrl}/`).href
