import type { Payload } from 'payload'

import { CACHE_TAGS } from '@/runtime/cacheTags'
import { runtimeOf } from '@/runtime/runtime'
import type { SiteSetting } from '@/payload-types'

/**
 * The site settings as readers may see them (moderation word lists are private), kept in the
 * runtime's content cache until they change. Pages read them through getSiteSettings; the Express
 * front reads them here for its content security policy (the analytics hosts), so both agree.
 */
export function publicSiteSettings(payload: Payload): Promise<SiteSetting> {
  return runtimeOf(payload).content.get('siteSettings', [CACHE_TAGS.settings], () =>
    payload.findGlobal({ slug: 'site-settings', overrideAccess: false, user: null, depth: 0 }),
  )
}
