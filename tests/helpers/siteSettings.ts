import type { Payload } from 'payload'

import type { SiteSetting } from '@/payload-types'

/** The Discussion settings as a fresh site has them (collections/SiteSettings). */
export const DISCUSSION_DEFAULTS = {
  moderationMode: 'first-time',
  linkLimit: 2,
  moderationWords: '',
  disallowedWords: '',
  floodIntervalSeconds: 15,
  retentionDays: 90,
  autoCloseThreads: false,
  autoCloseDays: 14,
  notifyModerators: true,
} as const satisfies Partial<SiteSetting>

/** Saves site settings as trusted server code (as an admin's save would, minus the user). */
export async function setSiteSettings(
  payload: Payload,
  data: Partial<Omit<SiteSetting, 'id'>>,
): Promise<SiteSetting> {
  return payload.updateGlobal({ slug: 'site-settings', data, depth: 0 })
}
