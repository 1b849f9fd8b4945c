import { rejectFieldChanges } from '@/cms/rejectFieldChanges'

/**
 * A comment is the reader's record: moderators change its status, never what was submitted.
 * (IP, user agent and referrer are server-set fields nobody can write; see the collection.)
 */
export const rejectReaderTextChanges = rejectFieldChanges({
  fields: ['post', 'parent', 'authorName', 'authorEmail', 'authorUrl', 'body'],
  allowed: () => false,
  message: "A reader's comment cannot be edited; change its status instead",
})
