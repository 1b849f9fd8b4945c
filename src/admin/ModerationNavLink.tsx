import type { ServerProps } from 'payload'

import { countPending } from '@/admin/ModerationView/loadModerationQueue'
import { mayModerate } from '@/admin/staffAbilities'

import { ModerationNavLinkClient } from './ModerationNavLinkClient'

/**
 * "Moderation" at the top of the admin navigation, with the number of comments waiting, for the
 * roles that moderate. The nav is rendered with every admin page, so the count follows changes.
 */
export async function ModerationNavLink({ payload, user }: ServerProps) {
  if (!payload || !mayModerate(user)) return null
  const pending = await countPending({ payload, user: user ?? null })
  return (
    <ModerationNavLinkClient href={`${payload.config.routes.admin}/moderation`} pending={pending} />
  )
}
