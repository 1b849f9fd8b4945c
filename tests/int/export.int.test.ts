import type { Comment, Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { auditCount, auditEntries } from '../helpers/auditTrail'
import { restAuth } from '../helpers/callers'
import { createComment, createPost, createStaff, type Staff } from '../helpers/factories'
import { csvObjects } from '../helpers/parseCsv'
import { createRawGet, type RawResponse } from '../helpers/rawApi'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

const COLUMNS = [
  'id',
  'postId',
  'postTitle',
  'postSlug',
  'parentId',
  'status',
  'statusReason',
  'authorName',
  'authorEmail',
  'authorUrl',
  'ip',
  'userAgent',
  'referrer',
  'createdAt',
  'updatedAt',
  'body',
  'spamVerdict',
  'history',
]

type ExportedJson = {
  generatedAt: string
  filters: Record<string, string | null>
  count: number
  comments: (Record<string, unknown> & {
    id: number
    history: {
      at: string
      actor: string
      action: string
      from: string | null
      to: string | null
      reason: string | null
    }[]
  })[]
}

let t: TestPayload
let api: ApiClient
let rawGet: Awaited<ReturnType<typeof createRawGet>>
let staff: Staff
let postA: Post
let postB: Post
/** Comments in the order they were written. */
let a1: Comment, b1: Comment, a2: Comment, a3: Comment, b2: Comment

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  rawGet = await createRawGet()
  staff = await createStaff(t.payload)
  postA = await createPost(t.payload, { title: 'River levels, spring update' })
  postB = await createPost(t.payload, { title: 'Grant deadlines' })
  const at = (date: string) => ({ createdAt: date })
  a1 = await createComment(t.payload, postA, { ...at('2026-01-10T09:00:00.000Z') })
  b1 = await createComment(t.payload, postB, { ...at('2026-02-01T00:00:00.000Z') })
  a2 = await createComment(t.payload, postA, {
    ...at('2026-02-15T12:00:00.000Z'),
    status: 'pending',
    authorName: 'Link Farmer',
    authorUrl: 'https://links.example/',
    body: '=HYPERLINK("https://links.example/","cheap")',
  })
  a3 = await createComment(t.payload, postA, {
    ...at('2026-03-20T23:59:59.999Z'),
    status: 'pending',
    parent: a1.id,
    body: 'A reply, with "quotes", commas\nand a second line.',
  })
  b2 = await createComment(t.payload, postB, {
    ...at('2026-03-31T23:59:59.000Z'),
    status: 'trash',
  })
  const moderated = await api.call('POST', '/comments/moderate', {
    ...restAuth(staff, 'moderator'),
    json: { ids: [a2.id], action: 'spam', reason: 'Link farm' },
  })
  expect(moderated.status).toBe(200)
})
afterAll(async () => {
  await t?.stop()
})

function exportAs(query = '', caller: 'admin' | 'moderator' | 'editor' | 'author' = 'admin') {
  return rawGet(`/comments/export${query}`, restAuth(staff, caller))
}

const rowsOf = (res: RawResponse) => csvObjects(res.text.replace(/^\uFEFF/, ''))
/** Ids as text: the CSV has nothing else, and MongoDB's ids are text anyway. */
const idsOf = (rows: { id?: string | number }[]) => rows.map((row) => String(row.id))
const ids = (...comments: Comment[]) => comments.map((comment) => String(comment.id))

describe('comments.export.csv', () => {
  it('downloads every comment as CSV, oldest first, with a header row', async () => {
    const res = await exportAs()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="comments-\d{12}\.csv"$/,
    )
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.text.startsWith('\uFEFF')).toBe(true)
    expect(res.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(COLUMNS.join(','))
    expect(idsOf(rowsOf(res))).toEqual(ids(a1, b1, a2, a3, b2))
  })

  it("writes each comment's fields, private ones included, and its moderation history", async () => {
    const row = rowsOf(await exportAs()).find((r) => r.id === String(a2.id))!
    const [imported, spammed] = await auditEntries(t.payload, { comment: { equals: a2.id } })
    expect(row).toEqual({
      id: String(a2.id),
      postId: String(postA.id),
      postTitle: 'River levels, spring update',
      postSlug: postA.slug,
      parentId: '',
      status: 'spam',
      statusReason: 'Link farm',
      authorName: 'Link Farmer',
      authorEmail: a2.authorEmail,
      authorUrl: 'https://links.example/',
      ip: '192.0.2.1',
      userAgent: 'TestAgent/1.0',
      referrer: 'https://www.example.gov/',
      createdAt: '2026-02-15T12:00:00.000Z',
      updatedAt: expect.any(String),
      // A formula typed by a reader is written as text.
      body: `'=HYPERLINK("https://links.example/","cheap")`,
      spamVerdict: 'unchecked',
      history: [
        `${imported.createdAt} system: import comment-status none -> pending`,
        `${spammed.createdAt} ${staff.moderator.email} comment-status pending -> spam (Link farm)`,
      ].join('\n'),
    })
  })

  it('keeps quotes, commas and line breaks in a field, and names the parent of a reply', async () => {
    const row = rowsOf(await exportAs()).find((r) => r.id === String(a3.id))!
    expect(row.body).toBe('A reply, with "quotes", commas\nand a second line.')
    expect(row.parentId).toBe(String(a1.id))
  })

  it.each([
    ['a post', () => `?post=${postA.id}`, () => [a1, a2, a3]],
    ['a status', () => '?status=approved', () => [a1, b1]],
    ['a status with no comments', () => '?status=spam&post=' + postB.id, () => [] as Comment[]],
    [
      'a date range, both days included',
      () => '?from=2026-02-01&to=2026-03-20',
      () => [b1, a2, a3],
    ],
    ['a start date', () => '?from=2026-03-21', () => [b2]],
    ['an end date', () => '?to=2026-01-31', () => [a1]],
    [
      'a post, a status and dates together',
      () => `?post=${postA.id}&status=pending&from=2026-03-01&to=2026-03-31`,
      () => [a3],
    ],
  ])('filters by %s', async (_, query, expected) => {
    const res = await exportAs(query())
    expect(res.status).toBe(200)
    expect(idsOf(rowsOf(res))).toEqual(ids(...expected()))
  })
})

describe('comments.export.json', () => {
  it('downloads the same comments as JSON, with the count, the filters and each history', async () => {
    const res = await exportAs(`?format=json&post=${postA.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="comments-\d{12}\.json"$/,
    )
    const body = JSON.parse(res.text) as ExportedJson
    expect(body.count).toBe(3)
    expect(Date.parse(body.generatedAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(body.filters).toEqual({ post: String(postA.id), status: null, from: null, to: null })
    expect(idsOf(body.comments)).toEqual(ids(a1, a2, a3))

    const spam = body.comments.find((c) => c.id === a2.id)!
    expect(spam).toMatchObject({
      postId: postA.id,
      postTitle: 'River levels, spring update',
      status: 'spam',
      statusReason: 'Link farm',
      authorEmail: a2.authorEmail,
      ip: '192.0.2.1',
      body: '=HYPERLINK("https://links.example/","cheap")',
    })
    expect(spam.history).toEqual([
      {
        at: expect.any(String),
        actor: 'system: import',
        action: 'comment-status',
        from: null,
        to: 'pending',
        reason: null,
      },
      {
        at: expect.any(String),
        actor: staff.moderator.email,
        action: 'comment-status',
        from: 'pending',
        to: 'spam',
        reason: 'Link farm',
      },
    ])
  })

  it('counts nothing when no comment matches', async () => {
    const body = JSON.parse((await exportAs('?format=json&from=2027-01-01')).text) as ExportedJson
    expect(body).toMatchObject({ count: 0, comments: [] })
  })
})

describe('comments.export.audit', () => {
  it('records each export with who made it, the format, the filters and the count', async () => {
    const before = await auditCount(t.payload)
    await exportAs(`?format=csv&status=approved`)
    expect(await auditCount(t.payload)).toBe(before + 1)
    const [entry] = (await auditEntries(t.payload, { action: { equals: 'comment-export' } })).slice(
      -1,
    )
    expect(entry).toMatchObject({
      targetType: 'comment',
      summary: 'Exported 2 comments as CSV',
      actorType: 'user',
      actor: staff.admin.id,
      actorName: staff.admin.email,
      details: {
        count: 2,
        format: 'csv',
        filters: { post: null, status: 'approved', from: null, to: null },
      },
    })
  })
})

describe('comments.export.refusals', () => {
  it.each(['moderator', 'editor', 'author'] as const)(
    'refuses the %s with 403; nothing is exported or recorded',
    async (caller) => {
      const before = await auditCount(t.payload)
      const res = await exportAs('', caller)
      expect(res.status).toBe(403)
      expect(JSON.parse(res.text)).toEqual({
        errors: [{ message: 'Only admins can export comments' }],
      })
      expect(await auditCount(t.payload)).toBe(before)
    },
  )

  it('refuses an anonymous caller with 401', async () => {
    const before = await auditCount(t.payload)
    const res = await api.call('GET', '/comments/export')
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ errors: [{ message: 'You must be signed in to export comments' }] })
    expect(await auditCount(t.payload)).toBe(before)
  })

  it.each([
    ['an unknown format', '?format=xml', 'format'],
    ['an unknown status', '?status=deleted', 'status'],
    ['a start date that is not a date', '?from=yesterday', 'from'],
    ['a start date that does not exist', '?from=2026-13-45', 'from'],
    ['an end date in another form', '?to=2026/03/01', 'to'],
    ['an end date with a time', '?to=2026-03-01T10:00', 'to'],
    ['a start after the end', '?from=2026-03-02&to=2026-03-01', 'from'],
    ['a post that is not an id', '?post=abc', 'post'],
  ])('answers 400 for %s, naming the parameter; nothing is recorded', async (_, query, path) => {
    const before = await auditCount(t.payload)
    const res = await exportAs(query)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.text)).toEqual({ errors: [{ path, message: expect.any(String) }] })
    expect(await auditCount(t.payload)).toBe(before)
  })
})
