import type { RequestHandler } from 'express'

/**
 * Headers every response carries. The policy leaves scripts and styles to Next and Payload (both
 * need inline bootstrapping) and shuts the doors that cost nothing to shut.
 */
export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  const headers: Record<string, string> = {
    'Content-Security-Policy':
      "base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'",
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
    next()
  }
}
