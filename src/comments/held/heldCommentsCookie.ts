import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The list of a browser's own comments held for moderation, so the post page can show them to
 * that browser only (as WordPress does), without an account. Signed with a key derived from the
 * app's secret; a value that is not ours, altered, too long or malformed reads as an empty list.
 * Each id carries the time it was added: an entry expires on its own, the oldest go first past
 * the limit, and the cookie as a whole expires with its newest entry.
 */
export const HELD_COOKIE = 'held-comments'

/** The most comments one browser is shown as awaiting moderation. */
export const HELD_COOKIE_MAX_IDS = 20

/** How long a held comment is shown to its author (the cookie's Max-Age). */
export const HELD_COOKIE_MAX_AGE_SECONDS = 3 * 24 * 60 * 60

// 20 entries of a 24-character id and a time fit well within this; anything longer is not ours.
const MAX_VALUE_LENGTH = 2048
const ID = /^[A-Za-z0-9]{1,64}$/

/** [id, seconds since the epoch when it was added] */
type Entry = [string, number]

/** A key of its own, so that this signature can never stand for another use of the secret. */
function keyFrom(secret: string): Buffer {
  return createHmac('sha256', secret).update('held-comments cookie v1').digest()
}

function signatureOf(payload: string, secret: string): Buffer {
  return createHmac('sha256', keyFrom(secret)).update(payload).digest()
}

const seconds = (now: Date) => Math.floor(now.getTime() / 1000)

function isEntry(value: unknown): value is Entry {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    ID.test(value[0]) &&
    Number.isSafeInteger(value[1])
  )
}

/** The entries of a cookie value that are signed by us and not yet expired, oldest first. */
function readEntries(value: string | null | undefined, secret: string, now: Date): Entry[] {
  if (!value || value.length > MAX_VALUE_LENGTH) return []
  const dot = value.indexOf('.')
  if (dot <= 0) return []
  const payload = value.slice(0, dot)
  const given = Buffer.from(value.slice(dot + 1), 'base64url')
  const expected = signatureOf(payload, secret)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return []
  let entries: unknown
  try {
    entries = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    // Signed by us yet unreadable cannot happen short of a changed format: an empty list.
    return []
  }
  if (!Array.isArray(entries)) return []
  const oldest = seconds(now) - HELD_COOKIE_MAX_AGE_SECONDS
  return entries
    .filter(isEntry)
    .filter(([, at]) => at > oldest && at <= seconds(now) + 60)
    .slice(-HELD_COOKIE_MAX_IDS)
}

/** The ids of held comments a cookie value lists (at most HELD_COOKIE_MAX_IDS), oldest first. */
export function readHeldCommentIds(
  value: string | null | undefined,
  secret: string,
  now = new Date(),
): string[] {
  return readEntries(value, secret, now).map(([id]) => id)
}

/**
 * The cookie value with `id` added as the newest entry: expired entries and any earlier entry for
 * the same id dropped, the oldest dropped past HELD_COOKIE_MAX_IDS. A foreign or altered value
 * is replaced, not extended.
 */
export function addHeldCommentId(
  value: string | null | undefined,
  id: number | string,
  secret: string,
  now = new Date(),
): string {
  const key = String(id)
  if (!ID.test(key)) throw new RangeError(`Not a comment id: ${key}`)
  const kept = readEntries(value, secret, now).filter(([existing]) => existing !== key)
  const entries: Entry[] = [...kept, [key, seconds(now)] as Entry].slice(-HELD_COOKIE_MAX_IDS)
  const payload = Buffer.from(JSON.stringify(entries)).toString('base64url')
  return `${payload}.${signatureOf(payload, secret).toString('base64url')}`
}

export type HeldCookieOptions = {
  httpOnly: true
  sameSite: 'lax'
  secure: boolean
  path: '/'
  maxAge: number
}

/** The cookie's attributes: never readable by scripts, sent on same-site requests and links. */
export function heldCookieOptions(secure: boolean): HeldCookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: HELD_COOKIE_MAX_AGE_SECONDS }
}

/** A Set-Cookie header line for `value`. */
export function heldCookieHeader(value: string, secure: boolean): string {
  const { maxAge } = heldCookieOptions(secure)
  return `${HELD_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}
