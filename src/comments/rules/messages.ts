/**
 * The longest name, email, website and comment a reader may send (WordPress's own limits): the
 * rules, the collection's fields and the form all take them from here.
 */
export const COMMENT_LIMITS = { name: 245, email: 100, url: 200, body: 65525 } as const

/** Everything the comment rules say to a reader, in one place. */
export const COMMENT_MESSAGES = {
  closed: 'Comments are closed.',
  duplicate: 'Duplicate comment: it looks as though you have already said that.',
  flood: (seconds: number) =>
    `You are posting comments too quickly. Please wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`,
  postRequired: 'Say which post the comment is for.',
  postNotFound: 'This post does not exist or is not published.',
  parentInvalid: 'You can only reply to a published comment on the same post.',
  notText: 'Must be text.',
  nameRequired: 'Enter your name.',
  nameTooLong: `Your name must be at most ${COMMENT_LIMITS.name} characters.`,
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter an email address in the form name@example.com.',
  emailTooLong: `Your email address must be at most ${COMMENT_LIMITS.email} characters.`,
  urlInvalid: 'Enter a website address that starts with http:// or https://.',
  urlTooLong: `Your website address must be at most ${COMMENT_LIMITS.url} characters.`,
  bodyRequired: 'Enter your comment.',
  bodyTooLong: `Your comment must be at most ${COMMENT_LIMITS.body.toLocaleString('en-US')} characters.`,
  awaitingModeration: 'Your comment is awaiting moderation.',
  published: 'Your comment has been published.',
} as const
