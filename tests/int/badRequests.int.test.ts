import http from 'node:http'

import type { Post } from '@/payload-types'
import { BODY_LIMITS } from '@/server/bodyLimit'
import type { RunningServer } from '@/server/listen'

import { createPost, createStaff, type Staff } from '../helpers/factories'
import { startFront } from '../helpers/front'
import { createPayloadHandle } from '../helpers/payloadHandle'
import { storedCount } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * Hostile and broken requests, through the Express front and Payload's real REST and GraphQL
 * handlers: each is answered 4xx with `{ errors: [{ message }] }`, never 500, and changes nothing.
 */

let t: TestPayload
let staff: Staff
let post: Post
let running: RunningServer
const rejections: unknown[] = []
const onRejection = (reason: unknown) => rejections.push(reason)

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  running = await startFront(t.payload, await createPayloadHandle())
  process.on('unhandledRejection', onRejection)
})
afterAll(async () => {
  process.off('unhandledRejection', onRejection)
  running?.server.close()
  await t?.stop()
})

type Raw = { status: number; headers: http.IncomingHttpHeaders; text: string }

/**
 * A request as written, bypassing fetch's own checks (bad paths, empty Host). A body given as a
 * list is written part by part (chunked, when the headers say so).
 */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer | string[],
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: running.port,
        method,
        path,
        headers,
        setHost: !('host' in headers),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        )
      },
    )
    req.on('error', reject)
    if (!Array.isArray(body)) return req.end(body)
    for (const part of body) req.write(part)
    req.end()
  })
}

function expectClientError(res: Raw, status?: number) {
  if (status) expect(res.status).toBe(status)
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
  const body = JSON.parse(res.text) as { errors: { message: string }[] }
  expect(body.errors[0].message).toEqual(expect.any(String))
  expect(body.errors[0].message).not.toMatch(/something went wrong/i)
  return body.errors[0].message
}

const graphql = (body: string, headers: Record<string, string> = {}) =>
  raw('POST', '/api/graphql', { 'content-type': 'application/json', ...headers }, body)

describe('bad requests get a 4xx with a message', () => {
  it('a where clause that is not an object', async () => {
    expectClientError(await raw('GET', '/api/posts?where=garbage'), 400)
  })

  it('still takes OR / AND in either case, as Payload does', async () => {
    for (const op of ['or', 'OR']) {
      const res = await raw('GET', `/api/posts?where[${op}][0][slug][equals]=${post.slug}`)
      expect(res.status).toBe(200)
      expect(JSON.parse(res.text).docs).toHaveLength(1)
    }
    const gql = await graphql(
      JSON.stringify({
        query: `{ Posts(where: { OR: [{ slug: { equals: "${post.slug}" } }] }) { docs { id } } }`,
      }),
    )
    expect(JSON.parse(gql.text).data.Posts.docs).toHaveLength(1)
  })

  it.each(['comments', 'posts'])('a %s id of the wrong shape', async (collection) => {
    const message = expectClientError(await raw('GET', `/api/${collection}/abc`))
    expect(message).toMatch(/not found/i)
  })

  it('a path with broken percent-encoding', async () => {
    const message = expectClientError(await raw('GET', '/posts/%E0%A4%A'), 400)
    expect(message).toMatch(/address/i)
  })

  it('an empty Host header', async () => {
    expectClientError(await raw('GET', '/api/posts?limit=1', { host: '' }), 400)
  })

  it('malformed multipart to POST /api/posts', async () => {
    const res = await raw(
      'POST',
      '/api/posts',
      {
        'content-type': 'multipart/form-data; boundary=XyZ',
        authorization: `JWT ${staff.admin.token}`,
      },
      '--XyZ\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":',
    )
    expectClientError(res)
  })

  it('a query on a private field through a relation: 4xx, and no unhandled rejection', async () => {
    const before = rejections.length
    const res = await raw('GET', '/api/comments?where[post.createdBy.email][equals]=a@example.com')
    expect(res.status).toBeLessThan(500)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(rejections.slice(before)).toEqual([])
  })
})

describe('GraphQL: bad documents get a 4xx with a message', () => {
  it('invalid JSON', async () => {
    expectClientError(await graphql('{"query": '), 400)
  })

  it('an empty body', async () => {
    expectClientError(await graphql(''), 400)
  })

  it('a fragment cycle', async () => {
    const query =
      'query { Posts { docs { ...A } } } fragment A on Post { title ...B } fragment B on Post { slug ...A }'
    const res = await graphql(JSON.stringify({ query }))
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/fragment/i)
  })

  it('does not suggest field names to a caller who guessed wrong', async () => {
    const res = await graphql(JSON.stringify({ query: '{ Comments { docs { authorEmai } } }' }))
    expect(res.text).toMatch(/authorEmai/)
    expect(res.text).not.toMatch(/did you mean/i)
    expect(res.text).not.toMatch(/authorEmail/)
  })

  it.each([1_000, 10_000])('refuses a document with %i aliased fields', async (count) => {
    const aliases = Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')
    const res = await graphql(JSON.stringify({ query: `{ ${aliases} }` }))
    expect(expectClientError(res, 400)).toMatch(count < 5_000 ? /too many fields/i : /tokens/i)
  })

  it('refuses fields multiplied through fragments', async () => {
    const query = `{ Posts { docs { ...C } } }
      fragment A on Post { a1: title a2: title a3: title a4: title a5: title a6: title a7: title a8: title }
      fragment B on Post { ...A ...A ...A ...A ...A ...A ...A ...A }
      fragment C on Post { ...B ...B ...B ...B ...B ...B ...B ...B }`
    expect(expectClientError(await graphql(JSON.stringify({ query })), 400)).toMatch(
      /too many fields/i,
    )
  })

  it('still answers a well-formed query', async () => {
    const res = await graphql(JSON.stringify({ query: '{ Posts(limit: 1) { docs { title } } }' }))
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text).data.Posts.docs).toHaveLength(1)
  })
})

describe('request size limits', () => {
  const comment = (body: string) =>
    JSON.stringify({
      post: post.id,
      authorName: 'Big Sender',
      authorEmail: 'big@example.com',
      body,
    })

  it('answers 413 to a comment body of megabytes, before reading it, and stores nothing', async () => {
    const before = await storedCount(t.payload, 'comments')
    const res = await raw(
      'POST',
      '/api/comments',
      { 'content-type': 'application/json' },
      comment('x'.repeat(5 * 1024 * 1024)),
    )
    const message = expectClientError(res, 413)
    expect(message).toMatch(/too large/i)
    expect(await storedCount(t.payload, 'comments')).toBe(before)
  })

  it('answers 411 to a body of unknown length (chunked), before reading it', async () => {
    const before = await storedCount(t.payload, 'comments')
    const res = await raw(
      'POST',
      '/api/comments',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      Array.from({ length: 40 }, () => 'x'.repeat(64 * 1024)),
    )
    expect(expectClientError(res, 411)).toMatch(/content-length/i)
    expect(await storedCount(t.payload, 'comments')).toBe(before)
  })

  it('answers 400 to deeply nested JSON within the size limit', async () => {
    const nested = '['.repeat(5000) + ']'.repeat(5000)
    const res = await raw(
      'POST',
      '/api/comments',
      { 'content-type': 'application/json' },
      `{"post": ${post.id}, "extra": ${nested}}`,
    )
    expectClientError(res, 400)
  })

  it('gives the WordPress import its own limit: a declared length just over it is 413, unread', async () => {
    const res = await raw('POST', '/api/posts/import-wxr?mode=check', {
      'content-type': 'application/xml',
      'content-length': String(BODY_LIMITS.wxrImport + 1),
      authorization: `JWT ${staff.admin.token}`,
    })
    expect(expectClientError(res, 413)).toMatch(/too large/i)
  })

  it('lets the WordPress import through with a body past the limit of other staff requests', async () => {
    // The body is no export: getting past the front is the point (the endpoint answers 400).
    const body = `<rss>${'x'.repeat(BODY_LIMITS.other + 1024)}`
    const res = await raw(
      'POST',
      '/api/posts/import-wxr?mode=check',
      { 'content-type': 'application/xml', authorization: `JWT ${staff.admin.token}` },
      body,
    )
    expect(expectClientError(res, 400)).toMatch(/not a WordPress export|XML/)
    const other = await raw(
      'POST',
      '/api/posts',
      { 'content-type': 'application/json', authorization: `JWT ${staff.admin.token}` },
      body,
    )
    expect(expectClientError(other, 413)).toMatch(/too large/i)
  })

  it('accepts a comment of ordinary size', async () => {
    const res = await raw(
      'POST',
      '/api/comments',
      { 'content-type': 'application/json', 'x-real-ip': '198.51.100.77' },
      comment('A reasonable question about the plan.'),
    )
    expect(res.status).toBe(201)
  })
})
