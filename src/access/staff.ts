import type { Access, FieldAccess } from 'payload'

/** Any signed-in staff account, whatever its role. */
export const staff: Access = ({ req: { user } }) => Boolean(user)

export const staffField: FieldAccess = ({ req: { user } }) => Boolean(user)
