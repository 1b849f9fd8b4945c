import net from 'node:net'

import type { RequestHandler } from 'express'

/** An address as stored and logged: IPv4 without its IPv6 mapping, or null if not an address. */
function plainAddress(ip: string | undefined): string | null {
  if (!ip) return null
  const plain = ip.startsWith('::ffff:') ? ip.slice(7) : ip
  return net.isIP(plain) ? plain : null
}

/**
 * Hands Next and Payload what Express worked out about the client, replacing whatever the client
 * sent under the same names:
 * - X-Real-IP: the client's address, from the socket or, only when TRUST_PROXY says so, from
 *   X-Forwarded-For (when that is a valid address);
 * - X-Forwarded-Host and X-Forwarded-Proto: the host and scheme the client used, from the proxy's
 *   headers only when TRUST_PROXY says so. Pages build absolute URLs from them when SERVER_URL is
 *   unset, so an untrusted client cannot put another host into a page (or into the page cache).
 */
export const clientHeaders: RequestHandler = (req, _res, next) => {
  // A trusted proxy that forwards garbage (`X-Forwarded-For: <script>`) does not get it stored:
  // the address is then the proxy's own.
  const ip = plainAddress(req.ip) ?? plainAddress(req.socket.remoteAddress) ?? ''
  req.headers['x-real-ip'] = ip
  req.headers['x-forwarded-proto'] = req.protocol
  if (req.host) req.headers['x-forwarded-host'] = req.host
  else delete req.headers['x-forwarded-host']
  next()
}
