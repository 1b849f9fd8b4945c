import type { ServerProps } from 'payload'

import { mayImport } from '@/admin/staffAbilities'

import { ImportNavLinkClient } from './ImportNavLinkClient'

/** "Import" in the admin navigation, for admins: the WordPress import page. */
export function ImportNavLink({ payload, user }: ServerProps) {
  if (!payload || !mayImport(user)) return null
  return <ImportNavLinkClient href={`${payload.config.routes.admin}/import`} />
}
