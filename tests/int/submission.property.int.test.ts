import fc from 'fast-check'

import { COMMENT_LIMITS } from '@/comments/rules/messages'
import { COMMENT_STATUSES } from '@/comments/rules/statuses'
import { idOf, type Id } from '@/lib/idOf'
import type { Comment } from '@/payload-types'

import { createComment, createPost } from '../helpers/factories'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { submissionArbitraries, type SubmissionTargets } from '../helpers/submissionArbitraries'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * Whatever a client sends to POST /api/comments, through Payload's real REST route handler: one
 * well-formed comment is stored and answered 201, or the request is refused with a 4xx and
 * `{ errors: [{ message }] }`, storing nothing. Never a 500.
 *
 * The seed is fixed so that a run is repeatable; on failure fast-check prints the seed, the path
 * and the shrunk counterexample (add `path` to the options of that property to replay it alone).
 */
const SEED = 20_250_611
const TIMEOUT_MS = 180_000

type RouteHandler = (
  request: Request,
  args: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

let t: TestPayload
let restPost: RouteHandler
let targets: SubmissionTargets
let arbitraries: ReturnType<typeof submissionArbitraries>
/** Each request comes from a new address, so that the flood limit never refuses a valid one. */
let requests = 0
/** Submissions stored, so that a property cannot pass by refusing everything. */
let stored = 0

beforeAll(async () => {
  t = await startTestPayload()
  const { default: config } = await import('@payload-config')
  const { REST_POST } = await import('@payloadcms/next/routes')
  restPost = REST_POST(config)

  const [open, other, closed, archived, draft] = [
    await createPost(t.payload),
    await createPost(t.payload),
    await createPost(t.payload, { commentStatus: 'closed' }),
    await createPost(t.payload, { archived: true }),
    await createPost(t.payload, { _status: 'draft' }),
  ]
  const parents: Comment[] = [
    await createComment(t.payload, open, { status: 'approved' }),
    await createComment(t.payload, other, { status: 'approved' }),
    await createComment(t.payload, open, { status: 'pending' }),
    await createComment(t.payload, open, { status: 'spam' }),
    await createComment(t.payload, closed, { status: 'approved' }),
  ]
  parents.push(await createComment(t.payload, open, { status: 'approved', parent: parents[0].id }))
  targets = {
    openPosts: [open.id, other.id],
    refusingPosts: [closed.id, archived.id, draft.id],
    parents: parents.map((comment) => comment.id),
  }
  arbitraries = submissionArbitraries(targets)
})
afterAll(async () => {
  await t?.stop()
})

type Answer = { status: number; contentType: string; text: string }

async function send(
  body: string | Uint8Array<ArrayBuffer>,
  ip: string,
  contentType: string,
): Promise<Answer> {
  const request = new Request('http://localhost:3000/api/comments', {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-real-ip': ip },
    body,
  })
  const response = await restPost(request, { params: Promise.resolve({ slug: ['comments'] }) })
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  }
}

function parsed(text: string): { ok: true; value: any } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** The same id, as a client may name it (a number, or a string of digits, for SQL databases). */
function sameId(stored: Id | null, named: Id | null) {
  if (stored === null || named === null) return stored === named
  return (
    String(stored) === String(named) || (typeof stored === 'number' && Number(named) === stored)
  )
}

const SINGLE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/
const TEXT_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/
const INVISIBLE = /[\s\u200B\u200C\u200D\u2060\uFEFF]/g

function expectSingleLine(value: unknown, max: number) {
  expect(typeof value).toBe('string')
  const text = value as string
  expect(text).toBe(text.trim())
  expect(text.length).toBeLessThanOrEqual(max)
  expect(text).not.toMatch(SINGLE_LINE_CONTROL)
}

async function expectWellFormedComment(answer: any, sent: any, ip: string) {
  expect(answer).toEqual({
    id: expect.anything(),
    status: expect.stringMatching(/^(pending|approved)$/),
    message: expect.any(String),
  })
  const { doc } = await storedDoc(t.payload, 'comments', answer.id)
  expect(doc).not.toBeNull()
  const comment = doc!
  expect(COMMENT_STATUSES).toContain(comment.status)
  expect(comment.ip).toBe(ip)

  const post = idOf(comment.post)
  expect(targets.openPosts).toContain(post)
  expect(sameId(post, idOf(sent.post))).toBe(true)

  const named = sent.parent == null || sent.parent === '' ? null : idOf(sent.parent)
  expect(sameId(idOf(comment.parent), named)).toBe(true)
  if (named !== null) {
    const parent = (await storedDoc(t.payload, 'comments', idOf(comment.parent)!)).doc!
    expect(parent.status).toBe('approved')
    expect(idOf(parent.post)).toBe(post)
    expect(idOf(comment.thread)).toBe(idOf(parent.thread) ?? parent.id)
  } else {
    expect(comment.thread ?? null).toBeNull()
  }

  expectSingleLine(comment.authorName, COMMENT_LIMITS.name)
  expect(comment.authorName).not.toBe('')
  expectSingleLine(comment.authorEmail, COMMENT_LIMITS.email)
  expect(comment.authorEmail).toMatch(/^[^\s@]+@[^\s@]+$/)
  if (comment.authorUrl) {
    expectSingleLine(comment.authorUrl, COMMENT_LIMITS.url)
    expect(['http:', 'https:']).toContain(new URL(comment.authorUrl).protocol)
  }
  expect(typeof comment.body).toBe('string')
  expect(comment.body.length).toBeLessThanOrEqual(COMMENT_LIMITS.body)
  expect(comment.body).not.toMatch(TEXT_CONTROL)
  expect(comment.body).not.toMatch(/\r/)
  expect(comment.body.replace(INVISIBLE, '')).not.toBe('')
}

function expectRefusal(answer: Answer, body: any) {
  expect(answer.status).toBeGreaterThanOrEqual(400)
  expect(answer.status).toBeLessThan(500)
  expect(answer.contentType).toMatch(/^application\/json/)
  expect(body).toEqual({ errors: expect.any(Array) })
  expect(body.errors.length).toBeGreaterThan(0)
  for (const error of body.errors) {
    expect(Object.keys(error).filter((key) => key !== 'path')).toEqual(['message'])
    expect(typeof error.message).toBe('string')
    expect(error.message.trim()).not.toBe('')
  }
}

const json = (value: unknown) => JSON.stringify(value) ?? 'null'

/** What was sent, readable in a report: invisible and non-ASCII characters escaped. */
function shown(body: string | Uint8Array<ArrayBuffer>) {
  const text =
    typeof body === 'string'
      ? body.replace(/[^\x20-\x7E]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      : `bytes ${Buffer.from(body).toString('hex')}`
  return text.length > 500 ? `${text.slice(0, 500)}…` : text
}

/**
 * Sends one body and checks the property. The comments stored from its address are deleted
 * afterwards, whatever happened, so that every run (and fast-check's replays while shrinking)
 * starts from the same database: no duplicate of an earlier run, no flood wait.
 */
async function submitAndCheck(
  body: string | Uint8Array<ArrayBuffer>,
  contentType = 'application/json',
) {
  requests += 1
  const ip = `198.18.${(requests >> 8) & 255}.${requests & 255}`
  const before = await storedCount(t.payload, 'comments')
  let answer: Answer | undefined
  try {
    answer = await send(body, ip, contentType)
    const after = await storedCount(t.payload, 'comments')
    const reply = parsed(answer.text)
    expect(reply.ok).toBe(true)
    if (answer.status === 201) {
      expect(after).toBe(before + 1)
      // The body as Payload read it: UTF-8, a leading byte order mark dropped.
      const text = typeof body === 'string' ? body : new TextDecoder().decode(body)
      const sent = parsed(text)
      expect(sent.ok).toBe(true)
      await expectWellFormedComment(reply.ok && reply.value, sent.ok && sent.value, ip)
      stored += 1
    } else {
      expectRefusal(answer, reply.ok && reply.value)
      expect(after).toBe(before)
    }
  } catch (error) {
    const answered = answer
      ? `${answer.status} ${shown(answer.text)}`
      : 'nothing: the handler threw'
    throw new Error(`Sent ${shown(body)}\nAnswered ${answered}\n${(error as Error).message}`)
  } finally {
    await t.payload.delete({ collection: 'comments', where: { ip: { equals: ip } } })
  }
}

describe('comments.submit (property): stored well-formed, or refused with a 4xx', () => {
  it(
    'any JSON value',
    async () => {
      await fc.assert(
        fc.asyncProperty(arbitraries.jsonValue, (value) => submitAndCheck(json(value))),
        { seed: SEED, numRuns: 40 },
      )
    },
    TIMEOUT_MS,
  )

  it(
    'objects with the submission keys and hostile values',
    async () => {
      await fc.assert(
        fc.asyncProperty(arbitraries.hostileFields, (value) => submitAndCheck(json(value))),
        { seed: SEED, numRuns: 50 },
      )
    },
    TIMEOUT_MS,
  )

  it(
    'valid submissions with random mutations, many of them stored',
    async () => {
      const storedBefore = stored
      await fc.assert(
        fc.asyncProperty(arbitraries.mutatedSubmission, (value) => submitAndCheck(json(value))),
        { seed: SEED, numRuns: 90 },
      )
      expect(stored - storedBefore).toBeGreaterThanOrEqual(20)
    },
    TIMEOUT_MS,
  )

  it(
    'valid submissions with one text field at the edge of the rules',
    async () => {
      const storedBefore = stored
      await fc.assert(
        fc.asyncProperty(arbitraries.edgeTextSubmission, (value) => submitAndCheck(json(value))),
        { seed: SEED, numRuns: 80 },
      )
      expect(stored - storedBefore).toBeGreaterThanOrEqual(10)
    },
    TIMEOUT_MS,
  )

  it(
    'bytes that are not JSON, sent as JSON',
    async () => {
      const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8')
      await fc.assert(
        fc.asyncProperty(arbitraries.rawBody, contentType, (body, type) =>
          submitAndCheck(body, type),
        ),
        { seed: SEED, numRuns: 40 },
      )
    },
    TIMEOUT_MS,
  )
})
