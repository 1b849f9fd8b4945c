import { rejectFieldChanges } from '@/cms/rejectFieldChanges'

/**
 * A comment is the reader's record: moderators change its status, never what was submitted.
 * (What the server recorded, such as the IP address, is guarded field by field: see
 * refuseServerSetChange.)
 */
export const rejectReaderTextChanges = rejectFieldChanges({
  fields: ['post', 'parent', 'authorName', 'authorEmail', 'authorUrl', 'body'],
  allowed: () => false,
  message: "A reader's comment cannot be edited; change its status instead",
})
