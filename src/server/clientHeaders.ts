import type { IncomingMessage } from 'node:http'
import net from 'node:net'

import type { RequestHandler } from 'express'
import proxyAddr from 'proxy-addr'

/** An address as stored and logged: IPv4 without its IPv6 mapping, or null if not an address. */
function plainAddress(ip: string | undefined): string | null {
  if (!ip) return null
  const plain = ip.startsWith('::ffff:') ? ip.slice(7) : ip
  return net.isIP(plain) ? plain : null
}

/** Whether a hop's address may speak for the client: Express's compiled TRUST_PROXY. */
export type TrustFn = (address: string, hop: number) => boolean

/**
 * The client's address: the socket's, or, only when TRUST_PROXY says so, the last untrusted
 * address of X-Forwarded-For (Express's req.ip, worked out the same way for requests answered
 * before Express). A trusted proxy that forwards garbage (`X-Forwarded-For: <script>`) does not
 * get it stored or logged: the address is then the proxy's own.
 */
export function clientAddressOf(trust: TrustFn) {
  return (req: IncomingMessage): string =>
    plainAddress(proxyAddr(req, trust)) ?? plainAddress(req.socket.remoteAddress) ?? ''
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
export function clientHeaders(clientAddress: (req: IncomingMessage) => string): RequestHandler {
  return (req, _res, next) => {
    req.headers['x-real-ip'] = clientAddress(req)
    req.headers['x-forwarded-proto'] = req.protocol
    if (req.host) req.headers['x-forwarded-host'] = req.host
    else delete req.headers['x-forwarded-host']
    next()
  }
}
