import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { mayImport } from '@/admin/staffAbilities'
import { runtimeOf } from '@/runtime/runtime'

import { WxrImportForm } from './WxrImportForm'
import './importView.css'

/**
 * /admin/import: a WordPress export checked, then imported, from the browser, inside the admin's
 * own layout. Admins get the form (and the progress of an import already under way); anyone else
 * a plain refusal (the API refuses them as well).
 */
export function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const allowed = mayImport(req.user)
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
      <SetStepNav nav={[{ label: 'Import' }]} />
      <Gutter className="wxr-import">
        <h1 className="wxr-import__title">Import a WordPress blog</h1>
        {allowed ? (
          <WxrImportForm
            apiRoute={req.payload.config.routes.api}
            activeRun={runtimeOf(req.payload).imports.active()}
          />
        ) : (
          <div className="wxr-import__refusal" role="alert">
            <p>
              <strong>Only admins can import.</strong>
            </p>
            <p>Ask an admin to import a WordPress export.</p>
          </div>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
