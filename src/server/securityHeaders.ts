import crypto from 'node:crypto'

import type { RequestHandler } from 'express'

import type { AnalyticsSources } from '@/site/analytics'

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
 * A measurement script set in site settings (src/site/analytics.ts) adds its own host to
 * script-src (for browsers without 'strict-dynamic'; the page gives its tag the nonce) and the
 * hosts it reports to, to connect-src and img-src.
 */
export function publicPolicy(
  nonce: string,
  { dev = false, analytics = null }: { dev?: boolean; analytics?: AnalyticsSources | null } = {},
): string {
  const script = analytics ? ` ${analytics.scriptOrigin}` : ''
  const reports = analytics ? ` ${analytics.reportOrigins.join(' ')}` : ''
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${script}${dev ? DEV_EVAL : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${reports}`,
    "font-src 'self' data:",
    `connect-src 'self'${reports}`,
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

/**
 * Headers every response carries, and the content security policy for its kind of page.
 * `analytics` is the measurement script in site settings (cached, so usually no query).
 */
export function securityHeaders({
  https,
  dev,
  analytics,
}: {
  https: boolean
  dev: boolean
  analytics: () => Promise<AnalyticsSources | null>
}): RequestHandler {
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
      return next()
    }
    analytics().then((sources) => {
      const nonce = crypto.randomBytes(16).toString('base64')
      const policy = publicPolicy(nonce, { dev, analytics: sources })
      // Next takes the nonce for its scripts from the request's policy header; a client's own
      // value is replaced. A stored page keeps the policy it was rendered with.
      req.headers['content-security-policy'] = policy
      res.set('Content-Security-Policy', policy)
      next()
    }, next)
  }
}
