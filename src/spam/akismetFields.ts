import type { SpamCheckInput } from './akismet'
import type { AkismetConfig } from '@/config/akismet'

// Every name akismet-api maps (mapAliases) or sets itself: a honeypot field with one of these
// names would overwrite a real field, or be overwritten, on the way out.
const RESERVED_NAMES = new Set([
  ...['blog', 'blog_lang', 'lang', 'blog_charset', 'charset', 'api_key', 'key'],
  ...['user_ip', 'ip', 'user_agent', 'useragent', 'referrer', 'referer', 'permalink'],
  ...['comment_author', 'name', 'comment_author_email', 'email', 'comment_author_url', 'url'],
  ...['comment_content', 'content', 'comment_type', 'type', 'comment_date_gmt', 'date'],
  ...['comment_post_modified_gmt', 'permalinkDate', 'user_role', 'role', 'is_test', 'isTest'],
  ...['honeypot', 'honeypot_field_name'],
])

/**
 * The form fields of comment-check, submit-spam and submit-ham, without `api_key` (added on the
 * way out, and kept out of here so that storing "the data of the original check" never stores the
 * key). Empty optional values are left out; the honeypot field is always sent, even empty.
 */
export function akismetFields(
  input: SpamCheckInput,
  config: Pick<AkismetConfig, 'siteUrl' | 'testMode'>,
): Record<string, string> {
  const honeypot = input.honeypotFieldName
  if (!honeypot || RESERVED_NAMES.has(honeypot)) {
    throw new TypeError(
      `"${honeypot}" cannot be the honeypot field name: it is empty or an Akismet field`,
    )
  }
  const fields: Record<string, string | null | undefined> = {
    blog: config.siteUrl,
    user_ip: input.userIp,
    user_agent: input.userAgent,
    referrer: input.referrer,
    permalink: input.permalink,
    comment_type: input.commentType,
    comment_author: input.authorName,
    comment_author_email: input.authorEmail,
    comment_author_url: input.authorUrl,
    comment_content: input.content,
    comment_date_gmt: input.commentDate.toISOString(),
    comment_post_modified_gmt: input.postModified?.toISOString(),
    blog_lang: input.blogLang,
    blog_charset: input.blogCharset,
    is_test: config.testMode ? 'true' : undefined,
    user_role: input.userRole,
  }
  const sent: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields)) if (value) sent[name] = value
  return { ...sent, honeypot_field_name: honeypot, [honeypot]: input.honeypotValue }
}
