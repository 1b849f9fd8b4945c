import net, { type AddressInfo } from 'node:net'

import { jest } from '@jest/globals'

import { PURGE_TIMEOUT_MS } from '@/runtime/sharedCachePurge'
import { RECHECK_AFTER_MS } from '@/runtime/sharedInvalidation'

import { freePort } from '../helpers/appProcess'
import { createComment, createPost } from '../helpers/factories'
import { pause, waitUntil } from '../helpers/sharedInstances'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * CDN_PURGE_URL lists three loopback endpoints standing in for shared caches: one that records
 * the requests it gets (Varnish), one that never answers, and a port nobody listens on. The
 * recorder reads the request line off the socket: Node's HTTP parser refuses the BAN method.
 */
let t: TestPayload
let recorder: net.Server
let hanging: net.Server
let refusedPort: number
const received: { method: string; url: string }[] = []
const hung: { closedAt: number | null; openedAt: number }[] = []

async function listenOnLoopback(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

beforeAll(async () => {
  recorder = net.createServer((socket) => {
    let head = ''
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1')
      if (!head.includes('\r\n\r\n')) return
      const [method, url] = head.split(' ')
      received.push({ method, url })
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nBan added')
    })
  })
  hanging = net.createServer((socket) => {
    socket.once('data', () => {
      const entry = { openedAt: Date.now(), closedAt: null as number | null }
      hung.push(entry)
      socket.on('close', () => (entry.closedAt = Date.now()))
    })
  })
  refusedPort = await freePort()
  const urls = [
    await listenOnLoopback(recorder),
    await listenOnLoopback(hanging),
    `http://127.0.0.1:${refusedPort}/`,
  ]
  t = await startTestPayload({ CDN_PURGE_URL: urls.join(', ') })
})
afterAll(async () => {
  await t?.stop()
  for (const server of [recorder, hanging]) await new Promise((resolve) => server?.close(resolve))
})

/** A post with a pending comment, and every purge its publication caused already sent. */
async function settledComment() {
  const post = await createPost(t.payload)
  const comment = await createComment(t.payload, post, { status: 'pending' })
  await pause(RECHECK_AFTER_MS + 300)
  received.length = 0
  return comment
}

describe('shared cache purge (CDN_PURGE_URL)', () => {
  it('bans the public pages when a comment is approved, and once more a moment later', async () => {
    const comment = await settledComment()
    await t.payload.update({ collection: 'comments', id: comment.id, data: { status: 'approved' } })
    await waitUntil('the shared cache gets a BAN', () => received.length >= 1, 1000)
    expect(received[0]).toEqual({ method: 'BAN', url: '/' })
    await waitUntil('the second BAN', () => received.length >= 2, RECHECK_AFTER_MS + 1000)
    await pause(500)
    expect(received).toHaveLength(2)
  })

  it('bans nothing for a pending comment: nothing public changed', async () => {
    const comment = await settledComment()
    await createComment(t.payload, comment.post as number, { status: 'pending' })
    await pause(RECHECK_AFTER_MS + 500)
    expect(received).toEqual([])
  })

  it('does not hold up or fail the write when an endpoint hangs or refuses; both are logged', async () => {
    const comment = await settledComment()
    const warn = jest.spyOn(t.payload.logger, 'warn')
    const hungBefore = hung.length
    try {
      const started = Date.now()
      const approved = await t.payload.update({
        collection: 'comments',
        id: comment.id,
        data: { status: 'approved' },
      })
      expect(approved.status).toBe('approved')
      // The write never waits for a purge: far less than the purge timeout, on a loaded machine.
      expect(Date.now() - started).toBeLessThan(PURGE_TIMEOUT_MS)

      await waitUntil('the hanging endpoint is asked', () => hung.length > hungBefore, 1000)
      const request = hung[hungBefore]
      await waitUntil(
        'the purge gives up on it',
        () => request.closedAt !== null,
        PURGE_TIMEOUT_MS + 1000,
      )
      expect(request.closedAt! - request.openedAt).toBeGreaterThanOrEqual(PURGE_TIMEOUT_MS - 100)
      const messages = () => warn.mock.calls.map((call) => String(call[1] ?? call[0]))
      await waitUntil('both failures are logged', () =>
        messages().some((m) => m.includes(`127.0.0.1:${refusedPort}`)),
      )
      const hangingHost = `127.0.0.1:${(hanging.address() as AddressInfo).port}`
      expect(messages()).toContain(`could not purge the shared cache at ${hangingHost}`)
    } finally {
      warn.mockRestore()
    }
  })
})
