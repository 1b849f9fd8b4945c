import http from 'node:http'

import type { NextHandler } from '@/server/app'
import type { Logger } from '@/server/logger'
import type { RunningServer } from '@/server/listen'

import { createStaff, type Staff } from '../helpers/factories'
import { startFront } from '../helpers/front'
import { createPayloadHandle } from '../helpers/payloadHandle'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/** The request log: one line per request, with the fields an operator needs to follow it. */

type Line = { level: string; details: Record<string, unknown>; message?: string }

function capturingLogger(lines: Line[]): Logger {
  const keep = (level: string) => (details: object, message?: string) =>
    lines.push({ level, details: details as Record<string, unknown>, message })
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') }
}

let t: TestPayload
let staff: Staff
const fronts: RunningServer[] = []
const lines: Line[] = []

/** Payload's REST API under /api; anything else a public page, as Next would render it. */
async function siteHandle(): Promise<NextHandler> {
  const api = await createPayloadHandle()
  return async (req, res) => {
    if (req.url?.startsWith('/api/')) return api(req, res)
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end('<!doctype html><title>A page</title>')
  }
}

async function front(trustProxy: boolean | string): Promise<string> {
  const running = await startFront(t.payload, await siteHandle(), {
    logger: capturingLogger(lines),
    trustProxy,
  })
  fronts.push(running)
  return `http://127.0.0.1:${running.port}`
}

/** The request line written for the response carrying `requestId` (written on finish). */
async function lineFor(requestId: string | null): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const line = lines.find((l) => l.message === 'request' && l.details.requestId === requestId)
    if (line) return { level: line.level, ...line.details }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`no request line for ${requestId}`)
}

let direct: string
let behindProxy: string

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  direct = await front(false)
  behindProxy = await front('loopback')
})
afterAll(async () => {
  for (const running of fronts) running.server.close()
  await t?.stop()
})

describe('request log', () => {
  it('writes one line per request: id (also sent as X-Request-Id), method, path, status, time, address', async () => {
    const res = await fetch(`${direct}/api/posts?limit=1&depth=0`)
    expect(res.status).toBe(200)
    const requestId = res.headers.get('x-request-id')
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    const line = await lineFor(requestId)
    expect(line).toEqual({
      level: 'info',
      requestId,
      method: 'GET',
      path: '/api/posts',
      status: 200,
      ms: expect.any(Number),
      ip: '127.0.0.1',
      user: undefined,
      cache: undefined,
    })
    expect(lines.filter((l) => l.details.requestId === requestId)).toHaveLength(1)
  })

  it('names the signed-in staff member the request acted for', async () => {
    const res = await fetch(`${direct}/api/comments?limit=1&depth=0`, {
      headers: { authorization: `JWT ${staff.moderator.token}` },
    })
    expect(res.status).toBe(200)
    expect(await lineFor(res.headers.get('x-request-id'))).toMatchObject({
      user: staff.moderator.id,
      status: 200,
    })
    const refused = await fetch(`${direct}/api/users?limit=1`)
    expect(refused.status).toBe(403)
    expect(await lineFor(refused.headers.get('x-request-id'))).toMatchObject({
      user: undefined,
      status: 403,
    })
  })

  it('says whether a public page came from the page cache', async () => {
    const first = await fetch(`${direct}/archive`)
    const second = await fetch(`${direct}/archive`)
    expect(await lineFor(first.headers.get('x-request-id'))).toMatchObject({ cache: 'miss' })
    expect(await lineFor(second.headers.get('x-request-id'))).toMatchObject({
      cache: 'hit',
      path: '/archive',
      status: 200,
    })
  })

  it("ignores a client's own X-Request-Id and X-Forwarded-For without TRUST_PROXY", async () => {
    const res = await fetch(`${direct}/api/posts?limit=1`, {
      headers: { 'x-request-id': 'chosen-by-the-client-1', 'x-forwarded-for': '203.0.113.9' },
    })
    const requestId = res.headers.get('x-request-id')
    expect(requestId).not.toBe('chosen-by-the-client-1')
    expect(await lineFor(requestId)).toMatchObject({ ip: '127.0.0.1' })
  })

  it("keeps a trusted proxy's request id and client address, but not malformed ones", async () => {
    const res = await fetch(`${behindProxy}/api/posts?limit=1`, {
      headers: { 'x-request-id': 'lb-7f3a9c2e1d', 'x-forwarded-for': '203.0.113.9' },
    })
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a9c2e1d')
    expect(await lineFor('lb-7f3a9c2e1d')).toMatchObject({ ip: '203.0.113.9' })

    const bad = await fetch(`${behindProxy}/`, {
      headers: { 'x-request-id': 'has spaces <and> markup', 'x-forwarded-for': '<script>' },
    })
    const requestId = bad.headers.get('x-request-id')
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(await lineFor(requestId)).toMatchObject({ ip: '127.0.0.1' })
  })

  it('logs requests the front refuses before Express, with the same fields', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${direct}/api/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
      })
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0)
        res.resume()
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(413)
    const line = lines.findLast((l) => l.message === 'request' && l.details.status === 413)
    expect(line?.details).toMatchObject({ method: 'POST', path: '/api/comments', ip: '127.0.0.1' })
  })
})
