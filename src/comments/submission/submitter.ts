import type { PayloadRequest } from 'payload'

import { staffUser } from '@/access/roles'

import type { Submitter } from './types'

const MAX_HEADER = 500

/**
 * The submitter as the request tells it. The Express front puts the client's address (after
 * TRUST_PROXY) in X-Real-IP, replacing any value a client sent.
 */
export function submitterOf(req: Pick<PayloadRequest, 'headers' | 'user'>): Submitter {
  const header = (name: string) => req.headers?.get(name)?.slice(0, MAX_HEADER) || null
  return {
    staff: staffUser(req),
    ip: header('x-real-ip'),
    userAgent: header('user-agent'),
    referrer: header('referer'),
  }
}
