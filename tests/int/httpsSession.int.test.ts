import { createApiClient, type ApiClient } from '../helpers/api'
import { createStaff, TEST_PASSWORD, type Staff } from '../helpers/factories'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/** A site served over https (SERVER_URL): the staff session cookie never travels over http. */

let t: TestPayload
let api: ApiClient
let staff: Staff

beforeAll(async () => {
  t = await startTestPayload({ SERVER_URL: 'https://blog.agency.example' })
  api = await createApiClient()
  staff = await createStaff(t.payload)
})
afterAll(async () => {
  await t?.stop()
})

describe('the staff session over https', () => {
  it('sets the session cookie Secure, HttpOnly and SameSite=Lax', async () => {
    const login = await api.call('POST', '/users/login', {
      headers: { origin: 'https://blog.agency.example' },
      json: { email: staff.editor.email, password: TEST_PASSWORD },
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })

  it('trusts the cookie from the https origin only', () => {
    expect(new Set(t.payload.config.csrf)).toEqual(new Set(['https://blog.agency.example']))
  })
})
