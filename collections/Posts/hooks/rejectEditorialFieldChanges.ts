import { hasRole } from '@/access/roles'
import { rejectFieldChanges } from '@/cms/rejectFieldChanges'

/**
 * Archiving and the discussion settings are editors' decisions (moderators open and close threads
 * through the thread endpoint); an author saving a post cannot change them.
 */
export const rejectEditorialFieldChanges = rejectFieldChanges({
  fields: [
    'archived',
    'archivedAt',
    'archiveNotice',
    'commentStatus',
    'commentsClosedAt',
    'commentsClosedBy',
    'commentsClosedReason',
  ],
  allowed: (user) => hasRole(user, 'admin', 'editor'),
  message: 'Only an editor can archive a post or open and close its comments',
  createDefaults: { archived: false, commentStatus: 'open' },
})
