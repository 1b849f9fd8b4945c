import type { DefaultServerCellComponentProps } from 'payload'

import { formatStaffDate } from '@/admin/formatStaffDate'
import { loadAgencyTimeZone } from '@/data/loadAgencyTimeZone'

/**
 * A date column in the agency's time zone (site settings), as every other admin screen shows it:
 * Payload's own date cell formats in the browser's zone, so the audit trail disagreed with the
 * moderation queue. Links to the document when it is the list's first column, as Payload's does.
 */
export async function AgencyDateCell({
  cellData,
  collectionSlug,
  link,
  payload,
  rowData,
}: DefaultServerCellComponentProps) {
  const timeZone = await loadAgencyTimeZone(payload)
  const label = typeof cellData === 'string' ? formatStaffDate(cellData, timeZone) : ''
  if (!link || rowData?.id === undefined) return <span>{label}</span>
  return (
    <a href={`${payload.config.routes.admin}/collections/${collectionSlug}/${rowData.id}`}>
      {label}
    </a>
  )
}
