import type { Payload } from 'payload'

import { runtimeOf, type AkismetStatus } from '@/runtime/runtime'

import { AkismetError } from './akismetError'

/**
 * Verifies the key once at start-up and keeps what it learnt on the runtime, for the admin's
 * notice. Never throws: an invalid key or an unreachable service is logged and shown in the
 * admin, and comments keep flowing (a failed check leaves them pending).
 */
export async function verifyAkismet(payload: Payload): Promise<AkismetStatus> {
  const runtime = runtimeOf(payload)
  const akismet = runtime.akismet
  let status: AkismetStatus
  if (!akismet) {
    status = {
      state: 'off',
      message:
        'AKISMET_API_KEY is not set: comments are not checked for spam by Akismet, only by the moderation rules.',
    }
    payload.logger.warn(status.message)
  } else {
    try {
      status = (await akismet.checker.verifyKey())
        ? { state: 'ready', message: `Akismet key verified for ${akismet.config.siteUrl}.` }
        : {
            state: 'invalid-key',
            message: `Akismet rejected AKISMET_API_KEY for ${akismet.config.siteUrl}: every check will fail and comments will wait in Pending until the key is fixed.`,
          }
    } catch (error) {
      if (!(error instanceof AkismetError)) throw error
      status = {
        state: 'unreachable',
        message: `Akismet could not be reached to verify the key (${error.message}); failed checks are retried.`,
      }
    }
    if (status.state === 'ready') payload.logger.info(status.message)
    else payload.logger.error(status.message)
  }
  runtime.akismetStatus = status
  return status
}
