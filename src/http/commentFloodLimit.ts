import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { CACHE_TAGS, cached } from '@/cache/contentCache'
import { secondsUntilNextComment } from '@/comments/floodWait'
import { COMMENT_MESSAGES } from '@/comments/messages'

/**
 * Per-address flood limit for comment submissions: a second comment from the same IP within the
 * interval in site settings (default 15 s) gets 429 with Retry-After before it reaches Payload.
 * Signed-in staff are exempt. The collection's rules apply the same limit on every other path
 * (GraphQL, the HTML form, the Local API), so this is the fast front, not the only guard.
 */
export function commentFloodLimit(payload: Payload): RequestHandler {
  // The interval, read once and kept until the settings change (the same cache as the pages').
  const floodInterval = cached(
    'floodIntervalSeconds',
    () => [CACHE_TAGS.settings],
    async () => {
      const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
      return settings.floodIntervalSeconds ?? 15
    },
  )
  return (req, res, next) => {
    const check = async () => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
      }
      if (headers.has('cookie') || headers.has('authorization')) {
        const { user } = await payload.auth({ headers })
        if (user) return 0
      }
      return secondsUntilNextComment(payload, {
        ip: headers.get('x-real-ip'),
        intervalSeconds: await floodInterval(),
      })
    }
    check().then((wait) => {
      if (wait <= 0) return next()
      res
        .status(429)
        .set('Retry-After', String(wait))
        .json({ errors: [{ message: COMMENT_MESSAGES.flood(wait) }] })
    }, next)
  }
}
