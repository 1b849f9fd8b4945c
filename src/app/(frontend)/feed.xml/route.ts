import { feedResponse } from '@/site/feedResponse'

export const dynamic = 'force-dynamic'

/** GET /feed.xml: RSS 2.0 of the latest posts. */
export const GET = () => feedResponse('rss')
