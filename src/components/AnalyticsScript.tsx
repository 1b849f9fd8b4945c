import { headers } from 'next/headers'

import type { SiteSetting } from '@/payload-types'
import { analyticsSourcesOf } from '@/site/analytics'

/** The nonce of this response's content security policy (src/server/securityHeaders.ts). */
async function policyNonce(): Promise<string | undefined> {
  const policy = (await headers()).get('content-security-policy') ?? ''
  return /'nonce-([^']+)'/.exec(policy)?.[1]
}

/**
 * The measurement script from site settings (src/site/analytics.ts), loaded without blocking the
 * page. It carries the response's nonce, so the policy runs it and nothing injected beside it.
 */
export async function AnalyticsScript({ settings }: { settings: SiteSetting }) {
  const sources = analyticsSourcesOf(settings)
  if (!sources) return null
  return <script async src={sources.scriptUrl} nonce={await policyNonce()} id="analytics-script" />
}
