import crypto from 'node:crypto'
import { promisify } from 'node:util'

import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { RequestRefused } from '@/api/requestRefused'
import type { AttemptLimiter } from '@/runtime/attemptLimiter'
import { runtimeOf } from '@/runtime/runtime'

const pbkdf2 = promisify(crypto.pbkdf2)

/** Payload's current password hashing (pbkdf2-sha256, 600,000 rounds, 32 bytes). */
const HASH = { iterations: 600_000, keyLength: 32 } as const

export const SIGN_IN_MESSAGES = {
  signIn: (minutes: number) =>
    `Too many sign-in attempts from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  reset: (minutes: number) =>
    `Too many password reset requests. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
} as const

async function refuseWhenSpent(
  req: PayloadRequest,
  hits: { limiter: AttemptLimiter; key: string }[],
  message: (minutes: number) => string,
) {
  for (const { limiter, key } of hits) {
    const result = await limiter.hit(req, key)
    if (result.allowed) continue
    req.responseHeaders = new Headers({ 'Retry-After': String(result.retryAfter) })
    throw new RequestRefused(message(Math.ceil(result.retryAfter / 60)), 429, {
      retryAfter: result.retryAfter,
    })
  }
}

/**
 * An unknown account costs what a known one does (Payload hashes the password only when the
 * account exists), so the time of the answer does not tell which accounts exist.
 */
async function spendHashingTime(req: PayloadRequest, email: string, password: unknown) {
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    where: { email: { equals: email } },
    req,
  })
  if (totalDocs > 0) return
  const salt = crypto.randomBytes(32).toString('hex')
  await pbkdf2(String(password ?? ''), salt, HASH.iterations, HASH.keyLength, 'sha256')
}

/**
 * Sign-ins and password resets over REST and GraphQL, throttled instead of locking accounts:
 * a sign-in is counted per address and account and per address (SIGN_IN_LIMITS), so a stranger
 * guessing a staff member's password is stopped without locking the staff member out; the
 * answer (429, Retry-After) and its timing are the same for accounts that exist and those that
 * do not. Reset emails are counted per account and per address. A successful sign-in clears
 * its count (clearSignInAttempts). The counts are kept in the database every instance shares
 * (runtime.attempts), so several instances behind a load balancer give no more guesses than one.
 * Server code (the Local API) is not throttled.
 */
export const throttleSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  const email = String(data.email ?? '')
    .trim()
    .toLowerCase()
  const address = req.headers.get('x-real-ip') || 'unknown'
  const limits = runtimeOf(req.payload).signIn

  if (operation === 'login') {
    await refuseWhenSpent(
      req,
      [
        { limiter: limits.perAddress, key: address },
        { limiter: limits.perAccount, key: `${address} ${email}` },
      ],
      SIGN_IN_MESSAGES.signIn,
    )
    await spendHashingTime(req, email, data.password)
  } else {
    await refuseWhenSpent(
      req,
      [
        { limiter: limits.resetsPerAddress, key: address },
        { limiter: limits.resetsPerAccount, key: email },
      ],
      SIGN_IN_MESSAGES.reset,
    )
  }
  return args
}
