import type { SiteSetting } from '@/payload-types'

/**
 * The measurement script an agency adds in site settings (the federal Digital Analytics Program's
 * snippet is the usual one), and the hosts the content security policy opens for it: the
 * script's own origin, and the hosts it reports to. Nothing else is opened.
 */
export type AnalyticsSources = {
  scriptUrl: string
  /** The script's origin: script-src, for browsers without 'strict-dynamic'. */
  scriptOrigin: string
  /** Where measurements go (connect-src and img-src): the script's origin and the listed hosts. */
  reportOrigins: string[]
}

const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i
const MAX_REPORT_HOSTS = 10

/** An https address with no user name, password or fragment; why not, for the editor. */
export function analyticsScriptUrlProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Enter a full address, such as https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=XYZ.'
  }
  if (url.protocol !== 'https:') return 'The script must be served over https.'
  if (url.username || url.password) return 'The address must not carry a user name or password.'
  if (url.hash) return 'The address must not have a #fragment.'
  if (!HOST_NAME.test(url.hostname)) return 'The address must name a host, not an IP address.'
  return null
}

/** Host names, one per line or separated by spaces or commas ("www.google-analytics.com"). */
export function reportHostsOf(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean)
}

export function reportHostsProblem(value: string): string | null {
  const hosts = reportHostsOf(value)
  if (hosts.length > MAX_REPORT_HOSTS) return `List at most ${MAX_REPORT_HOSTS} hosts.`
  const wrong = hosts.find((host) => !HOST_NAME.test(host))
  return wrong ? `"${wrong}" is not a host name (such as www.google-analytics.com).` : null
}

/** What the settings ask for, or null when no script is set (or the stored value is unusable). */
export function analyticsSourcesOf(
  settings: Pick<SiteSetting, 'analyticsScriptUrl' | 'analyticsReportHosts'>,
): AnalyticsSources | null {
  const scriptUrl = settings.analyticsScriptUrl?.trim()
  if (!scriptUrl || analyticsScriptUrlProblem(scriptUrl)) return null
  const scriptOrigin = new URL(scriptUrl).origin
  const listed = reportHostsProblem(settings.analyticsReportHosts ?? '')
    ? []
    : reportHostsOf(settings.analyticsReportHosts).map((host) => `https://${host}`)
  return { scriptUrl, scriptOrigin, reportOrigins: [...new Set([scriptOrigin, ...listed])] }
}
