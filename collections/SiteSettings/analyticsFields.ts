import type { Field } from 'payload'

import { analyticsScriptUrlProblem, reportHostsProblem } from '@/site/analytics'

/**
 * A measurement script on every public page (src/site/analytics.ts). Neither field is required:
 * GraphQL would then demand them in every settings mutation.
 */
export const analyticsFields: Field[] = [
  {
    name: 'analyticsScriptUrl',
    label: 'Measurement script address',
    type: 'text',
    maxLength: 500,
    validate: (value: string | null | undefined) =>
      !value?.trim() ? true : (analyticsScriptUrlProblem(value.trim()) ?? true),
    admin: {
      description:
        "An https address, loaded on every public page, such as the Digital Analytics Program's https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=XYZ. The site's content security policy allows this script's host and nothing more. Empty: no script.",
    },
  },
  {
    name: 'analyticsReportHosts',
    label: 'Hosts the script reports to',
    type: 'textarea',
    maxLength: 1000,
    validate: (value: string | null | undefined) =>
      !value?.trim() ? true : (reportHostsProblem(value) ?? true),
    admin: {
      description:
        'Host names the script sends its measurements to, one per line (for the Digital Analytics Program: www.google-analytics.com, region1.google-analytics.com). The scripts it loads itself are allowed by the policy already.',
      condition: (data) => Boolean(data?.analyticsScriptUrl),
    },
  },
]
