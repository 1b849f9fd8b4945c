import { feedResponse } from '@/site/feedResponse'

export const dynamic = 'force-dynamic'

/** GET /feed.atom: Atom 1.0 of the latest posts. */
export const GET = () => feedResponse('atom')
