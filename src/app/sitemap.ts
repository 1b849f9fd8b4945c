import type { MetadataRoute } from 'next'

import { siteUrl as readSiteUrl } from '@/data/siteUrl'
import { sitemapPosts } from '@/data/sitemapPosts'

export const dynamic = 'force-dynamic'

/** /sitemap.xml: the home page and every published post, read as the public reads them. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const siteUrl = await readSiteUrl()
  const docs = await sitemapPosts()
  return [
    { url: `${siteUrl}/`, changeFrequency: 'daily', priority: 1 },
    ...docs.map((post) => ({
      url: `${siteUrl}/posts/${post.slug}`,
      lastModified: post.updatedAt,
      changeFrequency: post.archived ? ('never' as const) : ('weekly' as const),
      priority: post.archived ? 0.3 : 0.7,
    })),
  ]
}
