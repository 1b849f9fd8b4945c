import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { AkismetNotice } from '@/admin/AkismetNotice'
import { mayModerate } from '@/admin/staffAbilities'

import { ModerationQueuePage } from './ModerationQueuePage'
import './moderation.css'

/**
 * /admin/moderation: the comment moderation queue, inside the admin's own layout. Admins and
 * moderators get the queue; anyone else a plain refusal (the API refuses them as well).
 */
export function ModerationView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: 'Moderation' }]} />
      <Gutter className="moderation">
        <h1 className="moderation__title">Comment moderation</h1>
        <AkismetNotice payload={req.payload} user={req.user ?? undefined} />
        {mayModerate(req.user) ? (
          <ModerationQueuePage req={req} searchParams={searchParams ?? {}} />
        ) : (
          <div className="moderation__refusal" role="alert">
            <p>
              <strong>You are not allowed to moderate comments.</strong>
            </p>
            <p>Only moderators and admins can see and moderate the comment queue.</p>
          </div>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
