import type { ServerProps } from 'payload'

import { mayChangeThreads } from '@/admin/staffAbilities'

import { BulkThreadMenuClient } from './BulkThreadMenuClient'

/** Above the posts list: open or close comments on the selected posts (admins, editors, moderators). */
export function BulkThreadMenu({ payload, user }: ServerProps) {
  if (!payload || !mayChangeThreads(user)) return null
  return <BulkThreadMenuClient apiRoute={payload.config.routes.api} />
}
