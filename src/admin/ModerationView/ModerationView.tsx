import type { AdminViewServerProps } from 'payload'

import { AdminPageShell } from '@/admin/AdminPageShell'
import { AkismetNotice } from '@/admin/AkismetNotice'
import { mayModerate } from '@/admin/staffAbilities'

import { ModerationQueuePage } from './ModerationQueuePage'
import './moderation.css'

/**
 * /admin/moderation: the comment moderation queue, inside the admin's own layout. Admins and
 * moderators get the queue; anyone else a plain refusal (the API refuses them as well).
 */
export function ModerationView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  return (
    <AdminPageShell {...props} title="Comment moderation" crumb="Moderation" className="moderation">
      <AkismetNotice payload={req.payload} user={req.user ?? undefined} />
      {mayModerate(req.user) ? (
        <ModerationQueuePage req={req} searchParams={props.searchParams ?? {}} />
      ) : (
        <div className="moderation__refusal" role="alert">
          <p>
            <strong>You are not allowed to moderate comments.</strong>
          </p>
          <p>Only moderators and admins can see and moderate the comment queue.</p>
        </div>
      )}
    </AdminPageShell>
  )
}
