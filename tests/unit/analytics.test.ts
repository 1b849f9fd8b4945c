import { publicPolicy } from '@/server/securityHeaders'
import {
  analyticsScriptUrlProblem,
  analyticsSourcesOf,
  reportHostsOf,
  reportHostsProblem,
} from '@/site/analytics'

const DAP = 'https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=EXAMPLE'

describe('analytics settings', () => {
  it('takes an https script address', () => {
    expect(analyticsScriptUrlProblem(DAP)).toBeNull()
  })

  it.each([
    ['http://dap.digitalgov.gov/a.js', /https/],
    ['javascript:alert(1)', /https/],
    ['//dap.digitalgov.gov/a.js', /full address/],
    ['https://user:pw@dap.digitalgov.gov/a.js', /user name or password/],
    ['https://dap.digitalgov.gov/a.js#x', /fragment/],
    ['https://203.0.113.9/a.js', /host, not an IP/],
  ])('refuses %s', (value, message) => {
    expect(analyticsScriptUrlProblem(value)).toMatch(message)
  })

  it('reads report hosts separated by lines, spaces or commas, in lower case', () => {
    expect(
      reportHostsOf('www.Google-Analytics.com\nregion1.google-analytics.com, a.example.gov'),
    ).toEqual(['www.google-analytics.com', 'region1.google-analytics.com', 'a.example.gov'])
    expect(reportHostsProblem('www.google-analytics.com')).toBeNull()
  })

  it.each([
    'https://www.google-analytics.com',
    '*.google-analytics.com',
    "evil.example 'unsafe-inline'",
  ])('refuses a report host that is not a bare host name: %s', (value) => {
    expect(reportHostsProblem(value)).toMatch(/is not a host name/)
  })

  it('opens the script origin and the listed hosts, nothing when no script is set', () => {
    expect(
      analyticsSourcesOf({ analyticsScriptUrl: '', analyticsReportHosts: 'a.example' }),
    ).toBeNull()
    expect(
      analyticsSourcesOf({
        analyticsScriptUrl: DAP,
        analyticsReportHosts: 'www.google-analytics.com',
      }),
    ).toEqual({
      scriptUrl: DAP,
      scriptOrigin: 'https://dap.digitalgov.gov',
      reportOrigins: ['https://dap.digitalgov.gov', 'https://www.google-analytics.com'],
    })
  })

  it('ignores a stored value that would be refused today (nothing opened for it)', () => {
    expect(analyticsSourcesOf({ analyticsScriptUrl: 'http://x.example/a.js' })).toBeNull()
    expect(
      analyticsSourcesOf({ analyticsScriptUrl: DAP, analyticsReportHosts: "x 'unsafe-eval'" })
        ?.reportOrigins,
    ).toEqual(['https://dap.digitalgov.gov'])
  })
})

describe('publicPolicy', () => {
  const directive = (policy: string, name: string) =>
    policy.split('; ').find((part) => part.startsWith(`${name} `))

  it('opens nothing beyond the site without a measurement script', () => {
    const policy = publicPolicy('abc')
    expect(directive(policy, 'script-src')).toBe("script-src 'nonce-abc' 'strict-dynamic'")
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self'")
    expect(directive(policy, 'img-src')).toBe("img-src 'self' data:")
  })

  it('adds exactly the script host to script-src and the report hosts to connect-src and img-src', () => {
    const analytics = analyticsSourcesOf({
      analyticsScriptUrl: DAP,
      analyticsReportHosts: 'www.google-analytics.com',
    })
    const policy = publicPolicy('abc', { analytics })
    expect(directive(policy, 'script-src')).toBe(
      "script-src 'nonce-abc' 'strict-dynamic' https://dap.digitalgov.gov",
    )
    expect(directive(policy, 'connect-src')).toBe(
      "connect-src 'self' https://dap.digitalgov.gov https://www.google-analytics.com",
    )
    expect(directive(policy, 'img-src')).toBe(
      "img-src 'self' data: https://dap.digitalgov.gov https://www.google-analytics.com",
    )
    expect(directive(policy, 'default-src')).toBe("default-src 'self'")
  })
})
