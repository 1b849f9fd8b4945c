import { createApiClient, type ApiClient } from '../helpers/api'
import { restAuth } from '../helpers/callers'
import { createStaff, type Staff } from '../helpers/factories'
import { storedGlobal } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let api: ApiClient
let staff: Staff

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
})
afterAll(async () => {
  await t?.stop()
})

type Refusal = {
  errors: { message: string; data?: { errors?: { message: string; path: string }[] } }[]
}

describe('site-settings.timeZone', () => {
  it('is UTC on a fresh site', async () => {
    expect((await storedGlobal(t.payload, 'site-settings')).timeZone).toBe('UTC')
  })

  it('takes an IANA zone from an admin', async () => {
    const res = await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'admin'),
      json: { timeZone: 'America/Chicago' },
    })
    expect(res.status).toBe(200)
    expect((await storedGlobal(t.payload, 'site-settings')).timeZone).toBe('America/Chicago')
  })

  it.each(['Mars/Olympus', 'Eastern Time', ''])(
    'refuses %j with a 400 that says what to enter; nothing changes',
    async (zone) => {
      const before = await storedGlobal(t.payload, 'site-settings')
      const res = await api.call<Refusal>('POST', '/globals/site-settings', {
        ...restAuth(staff, 'admin'),
        json: { timeZone: zone, siteName: 'Renamed with a bad zone' },
      })
      expect(res.status).toBe(400)
      const fieldErrors = res.body.errors[0].data?.errors ?? []
      expect(fieldErrors).toEqual([
        expect.objectContaining({
          path: 'timeZone',
          message: expect.stringMatching(/IANA time zone name, such as America\/New_York/),
        }),
      ])
      expect(await storedGlobal(t.payload, 'site-settings')).toEqual(before)
    },
  )

  it('refuses a moderator changing it (403)', async () => {
    const res = await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'moderator'),
      json: { timeZone: 'America/Denver' },
    })
    expect(res.status).toBe(403)
    expect((await storedGlobal(t.payload, 'site-settings')).timeZone).not.toBe('America/Denver')
  })
})
