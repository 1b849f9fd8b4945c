import type { MetadataRoute } from 'next'

import { siteUrl as readSiteUrl } from '@/data/siteUrl'
import { SITEMAP_LIMIT, sitemapPosts, sitemapProfiles } from '@/data/sitemapPosts'

export const dynamic = 'force-dynamic'

/**
 * /sitemap.xml: every public page, read as the public reads them: the home page, the archive,
 * each published post, and each author's and category's page (at most SITEMAP_LIMIT in all).
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const siteUrl = await readSiteUrl()
  const [posts, { authors, categories }] = await Promise.all([sitemapPosts(), sitemapProfiles()])
  const list = (prefix: string, docs: { slug: string; updatedAt: string }[]) =>
    docs.map((doc) => ({
      url: `${siteUrl}/${prefix}/${doc.slug}`,
      lastModified: doc.updatedAt,
      changeFrequency: 'weekly' as const,
      priority: 0.4,
    }))
  const entries: MetadataRoute.Sitemap = [
    { url: `${siteUrl}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${siteUrl}/archive`, changeFrequency: 'weekly', priority: 0.5 },
    ...posts.map((post) => ({
      url: `${siteUrl}/posts/${post.slug}`,
      lastModified: post.updatedAt,
      changeFrequency: post.archived ? ('never' as const) : ('weekly' as const),
      priority: post.archived ? 0.3 : 0.7,
    })),
    ...list('authors', authors),
    ...list('categories', categories),
  ]
  return entries.slice(0, SITEMAP_LIMIT)
}
