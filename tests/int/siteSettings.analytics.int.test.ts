import type http from 'node:http'

import type { RunningServer } from '@/server/listen'

import { createApiClient, type ApiClient } from '../helpers/api'
import { restAuth } from '../helpers/callers'
import { createStaff, type Staff } from '../helpers/factories'
import { startFront } from '../helpers/front'
import { setSiteSettings } from '../helpers/siteSettings'
import { storedGlobal } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

const DAP = 'https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js?agency=EXAMPLE'

let t: TestPayload
let api: ApiClient
let staff: Staff
let front: RunningServer

/** Stands in for Next: the test reads only the headers Express set. */
async function blankPage(_req: http.IncomingMessage, res: http.ServerResponse) {
  res.end('<!doctype html><title>page</title>')
}

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  front = await startFront(t.payload, blankPage)
})
afterAll(async () => {
  front?.server.close()
  await t?.stop()
})

type Refusal = {
  errors: { message: string; data?: { errors?: { message: string; path: string }[] } }[]
}

async function publicPolicy() {
  const res = await fetch(`http://127.0.0.1:${front.port}/posts/any`)
  return res.headers.get('content-security-policy') ?? ''
}

describe('site-settings analytics', () => {
  it('takes a script address and report hosts from an admin', async () => {
    const res = await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'admin'),
      json: { analyticsScriptUrl: DAP, analyticsReportHosts: 'www.google-analytics.com' },
    })
    expect(res.status).toBe(200)
    expect(await storedGlobal(t.payload, 'site-settings')).toMatchObject({
      analyticsScriptUrl: DAP,
      analyticsReportHosts: 'www.google-analytics.com',
    })
  })

  it.each([
    [{ analyticsScriptUrl: 'http://dap.digitalgov.gov/a.js' }, 'analyticsScriptUrl', /https/],
    [{ analyticsScriptUrl: 'javascript:alert(1)' }, 'analyticsScriptUrl', /https/],
    [
      { analyticsScriptUrl: DAP, analyticsReportHosts: "x.example 'unsafe-inline'" },
      'analyticsReportHosts',
      /is not a host name/,
    ],
  ])('refuses %j with a 400 naming the field; nothing changes', async (change, path, message) => {
    const before = await storedGlobal(t.payload, 'site-settings')
    const res = await api.call<Refusal>('POST', '/globals/site-settings', {
      ...restAuth(staff, 'admin'),
      json: { ...change, siteName: 'Renamed with a bad script' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data?.errors).toEqual([
      expect.objectContaining({ path, message: expect.stringMatching(message) }),
    ])
    expect(await storedGlobal(t.payload, 'site-settings')).toEqual(before)
  })

  it('refuses an editor setting a script (403), nothing changes', async () => {
    const before = await storedGlobal(t.payload, 'site-settings')
    const res = await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'editor'),
      json: { analyticsScriptUrl: 'https://tracker.example.com/t.js' },
    })
    expect(res.status).toBe(403)
    expect(await storedGlobal(t.payload, 'site-settings')).toEqual(before)
  })

  it("opens the public pages' policy to the script's host as soon as it is saved, and closes it when cleared", async () => {
    await setSiteSettings(t.payload, { analyticsScriptUrl: '', analyticsReportHosts: '' })
    expect(await publicPolicy()).not.toContain('dap.digitalgov.gov')

    await setSiteSettings(t.payload, {
      analyticsScriptUrl: DAP,
      analyticsReportHosts: 'www.google-analytics.com',
    })
    const opened = await publicPolicy()
    expect(opened).toMatch(
      /script-src 'nonce-[^']+' 'strict-dynamic' https:\/\/dap\.digitalgov\.gov;/,
    )
    expect(opened).toContain(
      "connect-src 'self' https://dap.digitalgov.gov https://www.google-analytics.com;",
    )

    await setSiteSettings(t.payload, { analyticsScriptUrl: '' })
    expect(await publicPolicy()).not.toMatch(/dap\.digitalgov\.gov|google-analytics/)
  })
})
