import type { Access } from 'payload'

/** Readers get published posts; any staff account also sees drafts. */
export const readPublishedOrStaff: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
