import type { RequestHandler } from 'express'

/**
 * Hands the client's address to Payload as X-Real-IP. Express works it out from the socket and,
 * only when TRUST_PROXY says so, from X-Forwarded-For; whatever X-Real-IP a client sent is replaced.
 */
export const clientIpHeader: RequestHandler = (req, _res, next) => {
  const ip = req.ip ?? req.socket.remoteAddress ?? ''
  req.headers['x-real-ip'] = ip.startsWith('::ffff:') ? ip.slice(7) : ip
  next()
}
