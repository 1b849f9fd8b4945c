import type { SiteSetting, User } from '@/payload-types'

/** The most a signature may hold: the longer of a staff title and an agency name. */
export const AGENCY_RESPONSE_MAX = 200

/**
 * What a staff member's comment is signed with on the public page, fixed when it is written:
 * their public title, or the agency's name when they have none. A reader's comment has none.
 * Only the comment pipeline calls this, with the signed-in user of the request: no field a
 * client sends can make a comment an agency response.
 */
export function agencyResponseTitle(
  staff: Pick<User, 'title'> | null,
  settings: Pick<SiteSetting, 'agencyName'>,
): string | null {
  if (!staff) return null
  const title = staff.title?.trim() || settings.agencyName?.trim() || 'Agency staff'
  return title.slice(0, AGENCY_RESPONSE_MAX)
}
