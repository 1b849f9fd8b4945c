import crypto from 'node:crypto'

import type { RequestHandler } from 'express'

/**
 * `npm run dev` only: React's development build rebuilds server call stacks with eval(), and the
 * dev server's hot reloading evaluates updated modules. Never sent by a production server.
 */
const DEV_EVAL = " 'unsafe-eval'"

const SHARED_DIRECTIVES = [
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'self'",
  "form-action 'self'",
]

/**
 * The public site's policy: scripts only with this response's nonce (Next puts it on each of its
 * scripts, reading it from the request's own Content-Security-Policy header) and what those load
 * ('strict-dynamic'), so an injected inline script or `<script src>` does not run. Styles may be
 * inline (Next and USWDS inline some); images from the site and data: URLs (USWDS icons).
 */
export function publicPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? DEV_EVAL : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    ...SHARED_DIRECTIVES,
  ].join('; ')
}

/**
 * Payload's admin and the APIs: the admin bootstraps with inline scripts Payload writes without
 * a nonce, so scripts are limited to the site's own origin and inline ones.
 */
export function adminPolicy({ dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? DEV_EVAL : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    ...SHARED_DIRECTIVES,
  ].join('; ')
}

const isAdminOrApi = (path: string) => /^\/(?:admin|api)(?:\/|$)/.test(path)

/** Headers every response carries, and the content security policy for its kind of page. */
export function securityHeaders({ https, dev }: { https: boolean; dev: boolean }): RequestHandler {
  const admin = adminPolicy({ dev })
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
  const hsts = 'max-age=31536000; includeSubDomains'
  if (https) headers['Strict-Transport-Security'] = hsts
  return (req, res, next) => {
    res.set(headers)
    // Served over https through a proxy TRUST_PROXY trusts (X-Forwarded-Proto: https).
    if (!https && req.secure) res.set('Strict-Transport-Security', hsts)
    if (isAdminOrApi(req.path)) {
      res.set('Content-Security-Policy', admin)
    } else {
      const policy = publicPolicy(crypto.randomBytes(16).toString('base64'), { dev })
      // Next takes the nonce for its scripts from the request's policy header; a client's own
      // value is replaced. A stored page keeps the policy it was rendered with.
      req.headers['content-security-policy'] = policy
      res.set('Content-Security-Policy', policy)
    }
    next()
  }
}
