import { feedPosts, siteUrlFor } from '@/data/feedPosts'
import { getSiteSettings } from '@/data/siteSettings'
import { atomFeed } from '@/feeds/feedXml'

export const dynamic = 'force-dynamic'

/** GET /feed.atom: Atom 1.0 of the latest posts. */
export async function GET(request: Request) {
  const siteUrl = siteUrlFor(request)
  const settings = await getSiteSettings()
  const xml = atomFeed(
    {
      title: settings.siteName,
      description: `News and updates from ${settings.agencyName}.`,
      url: `${siteUrl}/`,
      feedUrl: `${siteUrl}/feed.atom`,
    },
    await feedPosts(siteUrl),
  )
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } })
}
