import type { Comment, Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import {
  createComment,
  createPost,
  createStaff,
  TEST_PASSWORD,
  type Staff,
} from '../helpers/factories'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * A signed-in admin's browser visiting a page on another origin (in production, a sibling
 * subdomain): that page's requests carry the admin's session cookie. Payload honours the cookie
 * only from the origins in its CSRF list, which holds the site's own origin even with SERVER_URL
 * unset (the quick start). Requests without a cookie (API clients with a JWT header) are unaffected.
 */

const OWN_ORIGIN = 'http://localhost:3000'
const OTHER_ORIGINS = ['http://evil.example', 'http://comments.localhost:3000', 'null']

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post
let cookie: string

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  const login = await api.call('POST', '/users/login', {
    json: { email: staff.admin.email, password: TEST_PASSWORD },
  })
  expect(login.status).toBe(200)
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  expect(cookie).toMatch(/^payload-token=/)
})
afterAll(async () => {
  await t?.stop()
})

const asAdminFrom = (origin: string) => ({ headers: { cookie, origin } })

describe('CSRF: the admin session cookie works only from the site itself', () => {
  it('knows the site origin is trusted by default', () => {
    expect(t.payload.config.csrf).toContain(OWN_ORIGIN)
  })

  it.each(OTHER_ORIGINS)('refuses to approve a comment for a page on %s', async (origin) => {
    const comment: Comment = await createComment(t.payload, post, { status: 'pending' })
    const res = await api.call('PATCH', `/comments/${comment.id}`, {
      ...asAdminFrom(origin),
      json: { status: 'approved' },
    })
    expect([401, 403]).toContain(res.status)
    expect((await storedDoc(t.payload, 'comments', comment.id)).doc?.status).toBe('pending')
  })

  it.each(OTHER_ORIGINS)('refuses to create a staff account for a page on %s', async (origin) => {
    const before = await storedCount(t.payload, 'users')
    const res = await api.call('POST', '/users', {
      ...asAdminFrom(origin),
      json: {
        email: 'intruder@example.com',
        password: 'x-long-password-1',
        name: 'I',
        role: 'admin',
      },
    })
    expect([401, 403]).toContain(res.status)
    expect(await storedCount(t.payload, 'users')).toBe(before)
  })

  it('does not treat the request as signed in when reading', async () => {
    const res = await api.call<{ user: unknown }>(
      'GET',
      '/users/me',
      asAdminFrom('http://evil.example'),
    )
    expect(res.body.user).toBeNull()
  })

  it('accepts the same change from the site itself', async () => {
    const comment: Comment = await createComment(t.payload, post, { status: 'pending' })
    const res = await api.call('PATCH', `/comments/${comment.id}`, {
      ...asAdminFrom(OWN_ORIGIN),
      json: { status: 'approved' },
    })
    expect(res.status).toBe(200)
    expect((await storedDoc(t.payload, 'comments', comment.id)).doc?.status).toBe('approved')
  })
})
