import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Admins and editors: the people who run the editorial side. */
export const editors: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

export const editorsField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
