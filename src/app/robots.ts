import type { MetadataRoute } from 'next'

import { siteUrl as readSiteUrl } from '@/data/siteUrl'

export const dynamic = 'force-dynamic'

/** /robots.txt: everything public may be indexed; the admin and the API may not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const siteUrl = await readSiteUrl()
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/'] }],
    sitemap: `${siteUrl}/sitemap.xml`,
  }
}
