import type { MetadataRoute } from 'next'

import { requestSiteUrl } from '@/data/requestSiteUrl'

export const dynamic = 'force-dynamic'

/** /robots.txt: everything public may be indexed; the admin and the API may not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const siteUrl = await requestSiteUrl()
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/'] }],
    sitemap: `${siteUrl}/sitemap.xml`,
  }
}
