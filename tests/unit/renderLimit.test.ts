import type { AddressInfo } from 'node:net'
import http from 'node:http'

import express from 'express'

import { renderLimit } from '@/server/renderLimit'

/**
 * The front's limit on page renders, in front of a stand-in for Next whose renders finish only
 * when the test says so: at most two at once, two waiting in order, the next one refused.
 */

let server: http.Server
let base: string
let inFlight = 0
let mostInFlight = 0
const started: string[] = []
/** Finishes the render of a path (each path is requested once per test). */
const finish = new Map<string, () => void>()

beforeAll(async () => {
  const app = express()
  app.use(renderLimit({ concurrent: 2, waiting: 2 }))
  app.all('/{*splat}', (req, res) => {
    inFlight++
    mostInFlight = Math.max(mostInFlight, inFlight)
    started.push(req.path)
    finish.set(req.path, () => {
      inFlight--
      res.end(`rendered ${req.path}`)
    })
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  started.length = 0
  finish.clear()
  mostInFlight = inFlight
})

type Answer = { status: number; body: string; retryAfter?: string }

/** A GET on its own connection; `abort` gives up on it. */
function get(path: string, method = 'GET') {
  const controller = new AbortController()
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      base + path,
      { method, agent: false, signal: controller.signal },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
  return { answer, abort: () => controller.abort() }
}

/** Waits until the stand-in has started `count` renders in all. */
async function startedCount(count: number) {
  const deadline = Date.now() + 5_000
  while (started.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${started.join(', ')} started`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100))

describe('renderLimit', () => {
  it('runs two renders at once, lets two wait in order, and refuses the next with 503', async () => {
    const requests = ['/a', '/b', '/c', '/d'].map((path) => get(path))
    await startedCount(2)
    await settle()
    expect(started).toEqual(['/a', '/b'])

    const refused = await get('/e').answer
    expect(refused.status).toBe(503)
    expect(refused.retryAfter).toBe('2')
    expect(JSON.parse(refused.body)).toEqual({
      errors: [{ message: 'The site is busy right now. Please try again in a moment.' }],
    })
    expect(started).not.toContain('/e')

    finish.get('/b')!()
    await startedCount(3)
    expect(started[2]).toBe('/c')
    finish.get('/a')!()
    await startedCount(4)
    expect(started[3]).toBe('/d')
    finish.get('/c')!()
    finish.get('/d')!()
    const answers = await Promise.all(requests.map((r) => r.answer))
    expect(answers.map((a) => a.body)).toEqual(['/a', '/b', '/c', '/d'].map((p) => `rendered ${p}`))
    expect(mostInFlight).toBe(2)
  })

  it('gives the turn of a client that left while waiting to the next one', async () => {
    const first = get('/f')
    const second = get('/g')
    await startedCount(2)
    const leaver = get('/h')
    await settle()
    const stayer = get('/i')
    await settle()
    leaver.abort()
    await expect(leaver.answer).rejects.toThrow()
    await settle()
    finish.get('/f')!()
    await startedCount(3)
    await settle()
    expect(started).toEqual(['/f', '/g', '/i'])
    finish.get('/g')!()
    finish.get('/i')!()
    expect((await stayer.answer).status).toBe(200)
    expect((await first.answer).status).toBe(200)
    expect((await second.answer).status).toBe(200)
    expect(mostInFlight).toBe(2)
  })

  it('frees the turn of a render whose client left, and never limits the APIs or writes', async () => {
    const gone = get('/j')
    const kept = get('/k')
    await startedCount(2)
    gone.abort()
    await expect(gone.answer).rejects.toThrow()
    // The abandoned render's turn is free: a new page starts while /k still renders.
    const next = get('/l')
    await startedCount(3)
    // Full again (/k and /l); the APIs, Next's files and writes pass anyway.
    const api = get('/api/comments')
    const asset = get('/_next/static/app.js')
    const post = get('/m', 'POST')
    await startedCount(6)
    expect(started.slice(3).sort()).toEqual(['/_next/static/app.js', '/api/comments', '/m'])
    for (const path of ['/api/comments', '/_next/static/app.js', '/m', '/k', '/l', '/j'])
      finish.get(path)!()
    for (const request of [kept, next, api, asset, post])
      expect((await request.answer).status).toBe(200)
  })
})
