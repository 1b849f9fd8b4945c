import { rejectFieldChanges } from '@/hooks/rejectFieldChanges'

/** A comment is the reader's record: moderators change its status, never what was submitted. */
export const rejectReaderTextChanges = rejectFieldChanges({
  fields: [
    'post',
    'parent',
    'authorName',
    'authorEmail',
    'authorUrl',
    'body',
    'ip',
    'userAgent',
    'referrer',
  ],
  allowed: () => false,
  message: "A reader's comment cannot be edited; change its status instead",
})
