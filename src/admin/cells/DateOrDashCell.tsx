import type { DefaultServerCellComponentProps } from 'payload'

import { formatStaffDate } from '@/admin/formatStaffDate'

/** A date column that reads "—" when there is no date (a block with no end), not "<No Until>". */
export function DateOrDashCell({ cellData }: DefaultServerCellComponentProps) {
  return <span>{typeof cellData === 'string' && cellData ? formatStaffDate(cellData) : '—'}</span>
}
