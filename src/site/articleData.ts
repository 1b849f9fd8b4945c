import type { Author, Post } from '@/payload-types'

import { absoluteUrl, shareImageOf } from './featuredImage'
import { summaryOf } from './postContent'

type ArticlePost = Pick<
  Post,
  | 'title'
  | 'slug'
  | 'excerpt'
  | 'body'
  | 'meta'
  | 'featuredImage'
  | 'publishedAt'
  | 'updatedAt'
  | 'authors'
>

/**
 * schema.org `Article` for a post page, as search engines read it: headline, dates, authors with
 * their pages, the agency as publisher, the share image. All URLs absolute.
 */
export function articleData(
  post: ArticlePost,
  { siteUrl, agencyName }: { siteUrl: string; agencyName: string },
): Record<string, unknown> {
  const url = `${siteUrl}/posts/${post.slug}`
  const image = shareImageOf(post)
  const authors = (post.authors ?? []).filter((a): a is Author => typeof a === 'object')
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: post.meta?.title || post.title,
    description: post.meta?.description || summaryOf(post) || undefined,
    url,
    mainEntityOfPage: url,
    datePublished: post.publishedAt ?? undefined,
    dateModified: post.updatedAt,
    ...(image ? { image: [absoluteUrl(image.url, siteUrl)] } : {}),
    author: authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: `${siteUrl}/authors/${author.slug}`,
    })),
    publisher: { '@type': 'GovernmentOrganization', name: agencyName, url: siteUrl },
  }
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` escaped, so no text in a post can close
 * the element early (`</script>`) or open a comment.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
