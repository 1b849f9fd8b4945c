import { SIGN_IN_LIMITS } from '@/runtime/runtime'
import type { RunningServer } from '@/server/listen'

import { createStaff, TEST_PASSWORD, type Staff } from '../helpers/factories'
import { startFront } from '../helpers/front'
import { createPayloadHandle } from '../helpers/payloadHandle'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * Password guessing against staff accounts: throttled per address and account, so a stranger
 * cannot lock a staff member out, and answered alike for accounts that exist and those that do
 * not. Through the Express front behind a trusted proxy, which decides the client's address.
 */

let t: TestPayload
let staff: Staff
let front: RunningServer

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  front = await startFront(t.payload, await createPayloadHandle(), { trustProxy: 1 })
})
afterAll(async () => {
  front?.server.close()
  await t?.stop()
})

let addresses = 0
const newAddress = () => `203.0.113.${++addresses}`

async function signIn(email: string, password: string, from: string) {
  const started = performance.now()
  const res = await fetch(`http://127.0.0.1:${front.port}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  })
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as { errors?: { message: string }[] },
    ms: performance.now() - started,
  }
}

const LIMIT = SIGN_IN_LIMITS.perAccount.attempts

describe('signing in: throttled, never locked', () => {
  it("stops a stranger guessing an admin's password, and lets the admin in from elsewhere", async () => {
    const stranger = newAddress()
    for (let i = 0; i < LIMIT; i++) {
      expect((await signIn(staff.admin.email, `guess-${i}`, stranger)).status).toBe(401)
    }
    const refused = await signIn(staff.admin.email, TEST_PASSWORD, stranger)
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect(refused.body.errors?.[0].message).toMatch(/too many sign-in attempts/i)

    // The account is not locked: its owner, elsewhere, signs in.
    expect((await signIn(staff.admin.email, TEST_PASSWORD, newAddress())).status).toBe(200)
  })

  it('answers an unknown account exactly as a known one, before and after the limit', async () => {
    const known = newAddress()
    const unknown = newAddress()
    for (let i = 0; i <= LIMIT; i++) {
      const a = await signIn(staff.editor.email, 'wrong-password', known)
      const b = await signIn('nobody-here@example.com', 'wrong-password', unknown)
      expect(b.status).toBe(a.status)
      expect(b.body.errors?.map((e) => e.message)).toEqual(a.body.errors?.map((e) => e.message))
      expect(JSON.stringify(b.body)).not.toMatch(/lock/i)
    }
  })

  it('takes about as long for an unknown account as for a known one', async () => {
    const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]
    const known: number[] = []
    const unknown: number[] = []
    // Interleaved, and the median of seven each: another test file running beside this one (the
    // suite runs two at a time) slows single answers of either kind.
    for (let i = 0; i < 7; i++) {
      known.push((await signIn(staff.author.email, 'wrong-password', newAddress())).ms)
      unknown.push((await signIn(`ghost-${i}@example.com`, 'wrong-password', newAddress())).ms)
    }
    // Without the extra hashing an unknown account answered in a fifth of the time or less.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.35)
  })

  it('forgets the failed attempts once the right password is given', async () => {
    const from = newAddress()
    for (let i = 0; i < LIMIT - 1; i++) {
      expect((await signIn(staff.moderator.email, 'wrong', from)).status).toBe(401)
    }
    expect((await signIn(staff.moderator.email, TEST_PASSWORD, from)).status).toBe(200)
    for (let i = 0; i < LIMIT - 1; i++) {
      expect((await signIn(staff.moderator.email, 'wrong', from)).status).toBe(401)
    }
    expect((await signIn(staff.moderator.email, TEST_PASSWORD, from)).status).toBe(200)
  })
})

describe('signing in from one busy address', () => {
  it('does not count successful sign-ins against the address (an office behind one address)', async () => {
    const office = newAddress()
    const limit = SIGN_IN_LIMITS.perAddress.attempts
    for (let i = 0; i < limit + 2; i++) {
      const account = [staff.admin, staff.editor, staff.author, staff.moderator][i % 4]
      expect((await signIn(account.email, TEST_PASSWORD, office)).status).toBe(200)
    }
  }, 120_000)
})

describe('password resets: throttled', () => {
  const forgot = (email: string, from: string) =>
    fetch(`http://127.0.0.1:${front.port}/api/users/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ email }),
    })

  it('sends at most a few reset emails per account, whoever asks', async () => {
    const limit = SIGN_IN_LIMITS.resetsPerAccount.attempts
    for (let i = 0; i < limit; i++) {
      expect((await forgot(staff.editor.email, newAddress())).status).toBe(200)
    }
    const refused = await forgot(staff.editor.email, newAddress())
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    // Another account is unaffected.
    expect((await forgot(staff.author.email, newAddress())).status).toBe(200)
  })
})
