import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

type Props = Pick<AdminViewServerProps, 'initPageResult' | 'params' | 'searchParams'> & {
  /** The page's name in the breadcrumb and its heading. */
  title: string
  crumb: string
  /** The BEM block of the page's own stylesheet. */
  className: string
  children: ReactNode
}

/**
 * One of our own admin pages inside the admin's layout (navigation, header, breadcrumb), with
 * its heading: what the moderation and import views share.
 */
export function AdminPageShell({ initPageResult, params, searchParams, ...page }: Props) {
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
      <SetStepNav nav={[{ label: page.crumb }]} />
      <Gutter className={page.className}>
        <h1 className={`${page.className}__title`}>{page.title}</h1>
        {page.children}
      </Gutter>
    </DefaultTemplate>
  )
}
