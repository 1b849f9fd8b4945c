import { hasRole } from '@/access/roles'

type MaybeUser = Parameters<typeof hasRole>[0]

/**
 * Which admin screens and controls a role is offered. Only what is shown depends on these: the
 * endpoints and access rules check the same roles again and refuse everyone else.
 */
export const mayModerate = (user: MaybeUser) => hasRole(user, 'admin', 'moderator')

export const mayExportComments = (user: MaybeUser) => hasRole(user, 'admin')

export const mayChangeThreads = (user: MaybeUser) => hasRole(user, 'admin', 'editor', 'moderator')

export const mayImport = (user: MaybeUser) => hasRole(user, 'admin')
