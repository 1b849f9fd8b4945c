import type { MetadataRoute } from 'next'

import { getPayloadClient } from '@/data/getPayloadClient'
import { requestSiteUrl } from '@/data/requestSiteUrl'

export const dynamic = 'force-dynamic'

/** /sitemap.xml: the home page and every published post, read as the public reads them. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const siteUrl = await requestSiteUrl()
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'posts',
    overrideAccess: false,
    user: null,
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    pagination: false,
    depth: 0,
    select: { slug: true, updatedAt: true, archived: true },
  })
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
