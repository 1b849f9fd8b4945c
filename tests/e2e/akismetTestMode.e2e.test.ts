import { DEMO_POSTS } from '@/seed/demoContent'

import { startApp, tempDataDir, type AppProcess } from '../helpers/appProcess'
import { startFakeAkismet, type FakeAkismet } from '../helpers/fakeAkismet'

/**
 * `is_test` tells Akismet not to learn from a call. It must be sent by default outside production
 * and not in production (AKISMET_TEST_MODE overrides both). Start-up once worked this out after it
 * had forced NODE_ENV to production itself, so `npm start` never sent it and every demo and
 * staging instance trained Akismet on test traffic. These tests run the real `npm start`.
 */
let fake: FakeAkismet
const dataDir = tempDataDir()
const openPost = DEMO_POSTS.find((post) => !post.archived && post.commentStatus === 'open')!

beforeAll(async () => {
  fake = await startFakeAkismet()
})
afterAll(async () => {
  await fake?.stop()
})

async function commentCheckOf(app: AppProcess, body: string, clientAddress: string) {
  const post = await fetch(
    `${app.baseUrl}/api/posts?where[slug][equals]=${openPost.slug}&depth=0`,
  ).then((res) => res.json())
  const res = await fetch(`${app.baseUrl}/api/comments`, {
    method: 'POST',
    // A reader of its own each time (behind TRUST_PROXY=1), so the flood interval never applies.
    headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress },
    body: JSON.stringify({
      post: post.docs[0].id,
      authorName: 'Robin Tester',
      authorEmail: `robin-${Date.now()}@example.org`,
      body,
    }),
  })
  expect(res.status).toBe(201)
  const checks = fake.requests.filter(
    (request) => request.path === '/1.1/comment-check' && request.fields.comment_content === body,
  )
  expect(checks).toHaveLength(1)
  return checks[0].fields
}

describe('Akismet test mode under npm start', () => {
  const akismet = () => ({
    AKISMET_API_KEY: fake.validKey,
    AKISMET_API_URL: fake.url,
    TRUST_PROXY: '1',
  })

  it('sends is_test when NODE_ENV is unset (the demo), and not with NODE_ENV=production', async () => {
    const demo = await startApp({ ...akismet(), DATA_DIR: dataDir })
    try {
      const fields = await commentCheckOf(demo, 'Sent from the demo start.', '198.51.100.10')
      expect(fields.is_test).toBe('true')
      // The default server URL is Akismet's `blog`, as it is Payload's and the pages'.
      expect(fields.blog).toBe(demo.baseUrl)
    } finally {
      expect(await demo.stop()).toBe(0)
    }

    // The same database, now as a deployment: the demo's posts are there to comment on.
    const production = await startApp({
      ...akismet(),
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-production-secret-for-e2e',
    })
    try {
      const fields = await commentCheckOf(
        production,
        'Sent from a production start.',
        '198.51.100.11',
      )
      expect(fields).not.toHaveProperty('is_test')
      expect(fields.user_ip).toBe('198.51.100.11')
    } finally {
      expect(await production.stop()).toBe(0)
    }
  })
})
