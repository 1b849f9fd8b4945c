import { feedPosts, siteUrlFor } from '@/data/feedPosts'
import { getSiteSettings } from '@/data/siteSettings'
import { rssFeed } from '@/feeds/feedXml'

export const dynamic = 'force-dynamic'

/** GET /feed.xml: RSS 2.0 of the latest posts. */
export async function GET(request: Request) {
  const siteUrl = siteUrlFor(request)
  const settings = await getSiteSettings()
  const xml = rssFeed(
    {
      title: settings.siteName,
      description: `News and updates from ${settings.agencyName}.`,
      url: `${siteUrl}/`,
      feedUrl: `${siteUrl}/feed.xml`,
    },
    await feedPosts(siteUrl),
  )
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
