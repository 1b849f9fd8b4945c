import { COMMENT_LIMITS, COMMENT_MESSAGES as M } from './messages'
import { stripControlCharacters } from './stripControlCharacters'

export type FieldError = { path: string; message: string }

export type SubmissionFields = {
  authorName: string
  authorEmail: string
  authorUrl: string | null
  body: string
}

// The rule of the stored field (Payload's email field): checked here first, so that an address
// the field would refuse is refused before any database work, with our message. (No
// internationalised addresses: the field does not take them.)
const EMAIL =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

/**
 * Nothing a reader can see: whitespace, and invisible characters (zero-width spaces and joiners,
 * bidi marks, word joiners, fillers) that would otherwise make an empty comment look typed.
 */
const INVISIBLE_ONLY = /^[\s\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]*$/u

const isBlank = (text: string) => INVISIBLE_ONLY.test(text)

function cleanText(value: unknown, path: string, errors: FieldError[], multiline = false) {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') {
    errors.push({ path, message: M.notText })
    return ''
  }
  return stripControlCharacters(value, { multiline })
}

/**
 * Cleans and checks what a reader typed. Returns the values to store (control characters
 * stripped; name, email and website trimmed; the comment text otherwise as given) and one error
 * per bad field.
 */
export function validateSubmission(input: Record<string, unknown>): {
  values: SubmissionFields
  errors: FieldError[]
} {
  const errors: FieldError[] = []
  const authorName = cleanText(input.authorName, 'authorName', errors).trim()
  const authorEmail = cleanText(input.authorEmail, 'authorEmail', errors).trim()
  const authorUrl = cleanText(input.authorUrl, 'authorUrl', errors).trim()
  const body = cleanText(input.body, 'body', errors, true)
  const failed = new Set(errors.map((error) => error.path))
  const fail = (path: string, message: string) => {
    if (!failed.has(path)) errors.push({ path, message })
    failed.add(path)
  }

  if (isBlank(authorName)) fail('authorName', M.nameRequired)
  else if (authorName.length > COMMENT_LIMITS.name) fail('authorName', M.nameTooLong)

  if (!authorEmail) fail('authorEmail', M.emailRequired)
  else if (authorEmail.length > COMMENT_LIMITS.email) fail('authorEmail', M.emailTooLong)
  else if (!EMAIL.test(authorEmail)) fail('authorEmail', M.emailInvalid)

  if (authorUrl) {
    if (authorUrl.length > COMMENT_LIMITS.url) fail('authorUrl', M.urlTooLong)
    else if (!isWebUrl(authorUrl)) fail('authorUrl', M.urlInvalid)
  }

  if (isBlank(body)) fail('body', M.bodyRequired)
  else if (body.length > COMMENT_LIMITS.body) fail('body', M.bodyTooLong)

  return { values: { authorName, authorEmail, authorUrl: authorUrl || null, body }, errors }
}

export function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname)
}
