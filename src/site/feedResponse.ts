import { feedPosts } from '@/data/feedPosts'
import { siteUrl as readSiteUrl } from '@/data/siteUrl'
import { getSiteSettings } from '@/data/siteSettings'

import { atomFeed, rssFeed } from './feedXml'

const FORMATS = {
  rss: { path: '/feed.xml', build: rssFeed, type: 'application/rss+xml; charset=utf-8' },
  atom: { path: '/feed.atom', build: atomFeed, type: 'application/atom+xml; charset=utf-8' },
}

/** The response for /feed.xml or /feed.atom: the latest posts as the public sees them. */
export async function feedResponse(format: keyof typeof FORMATS): Promise<Response> {
  const { path, build, type } = FORMATS[format]
  const siteUrl = await readSiteUrl()
  const settings = await getSiteSettings()
  const xml = build(
    {
      title: settings.siteName,
      description: `News and updates from ${settings.agencyName}.`,
      url: `${siteUrl}/`,
      feedUrl: `${siteUrl}${path}`,
    },
    await feedPosts(siteUrl, settings.feedContent === 'full'),
  )
  return new Response(xml, { headers: { 'content-type': type } })
}
