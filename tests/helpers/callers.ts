import type { Role } from '@/access/roles'
import type { User } from '@/payload-types'

import type { Staff } from './factories'

/** Who makes a request: a staff role, or a reader who is not signed in. */
export type Caller = Role | 'anonymous'

/** REST/GraphQL options for a caller: a JWT for staff, nothing for an anonymous reader. */
export function restAuth(staff: Staff, caller: Caller): { token?: string } {
  return caller === 'anonymous' ? {} : { token: staff[caller].token }
}

/**
 * Local API options that apply access control as the caller: `overrideAccess: false` always, with
 * the staff user, or without any user for an anonymous reader.
 */
export function localAuth(staff: Staff, caller: Caller): { overrideAccess: false; user?: User } {
  if (caller === 'anonymous') return { overrideAccess: false }
  const { token: _token, ...user } = staff[caller]
  return { overrideAccess: false, user }
}
