import type { AdminViewServerProps } from 'payload'

import { AdminPageShell } from '@/admin/AdminPageShell'
import { mayImport } from '@/admin/staffAbilities'
import { runtimeOf } from '@/runtime/runtime'

import { WxrImportForm } from './WxrImportForm'
import './importView.css'

/**
 * /admin/import: a WordPress export checked, then imported, from the browser, inside the admin's
 * own layout. Admins get the form (and the progress of an import already under way); anyone else
 * a plain refusal (the API refuses them as well).
 */
export function ImportView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  return (
    <AdminPageShell
      {...props}
      title="Import a WordPress blog"
      crumb="Import"
      className="wxr-import"
    >
      {mayImport(req.user) ? (
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
    </AdminPageShell>
  )
}
