import v8 from 'node:v8'
import vm from 'node:vm'

import { EXPORT_BATCH } from '@/comments/export/exportBatches'
import type { Post } from '@/payload-types'

import { insertComments, insertManyComments } from '../helpers/bulkComments'
import { countDatabaseCalls } from '../helpers/countDatabaseCalls'
import { createPost, createStaff, type Staff } from '../helpers/factories'
import { createStreamingGet } from '../helpers/rawApi'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// The records export streams: a hundred thousand comments go out a batch at a time, and the
// server never holds more than a batch.

const ROWS = 100_000
const BODY = 1000

/** The heap that survives a full collection: what is actually held, not garbage yet to go. */
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void
function heldHeap(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed
}

let t: TestPayload
let staff: Staff
let post: Post
let get: Awaited<ReturnType<typeof createStreamingGet>>

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  await insertManyComments(t.payload, post, ROWS, { bodyLength: BODY })
  get = await createStreamingGet()
}, 120_000)
afterAll(async () => {
  await t?.stop()
})

describe('comments.export at volume', () => {
  it(`streams ${ROWS.toLocaleString('en-US')} comments a batch at a time, memory flat`, async () => {
    const counter = countDatabaseCalls(t.payload)
    const heapBefore = heldHeap()
    let heapPeak = heapBefore
    let bytes = 0
    let lines = 0
    let chunks = 0
    try {
      const res = await get('/comments/export?format=csv', { token: staff.admin.token })
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      // Nothing is read ahead of the reader: the first records come after the first batch.
      const head = await reader.read()
      bytes += head.value!.byteLength
      lines += 1
      expect(counter.documents()).toBeLessThanOrEqual(EXPORT_BATCH + 1)
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        bytes += chunk.value.byteLength
        for (let at = chunk.value.indexOf(10); at !== -1; at = chunk.value.indexOf(10, at + 1)) {
          lines++
        }
        if (++chunks % 50 === 0) heapPeak = Math.max(heapPeak, heldHeap())
      }
      expect(counter.largestFind()).toBeLessThanOrEqual(EXPORT_BATCH)
    } finally {
      counter.stop()
    }
    // The header and one line per comment; the bodies alone are 100 MB.
    expect(lines).toBe(ROWS + 1)
    expect(bytes).toBeGreaterThan(ROWS * BODY)
    // Holding the whole export would take more than its size; a batch is half a megabyte.
    expect(heapPeak - heapBefore).toBeLessThan(32 * 1024 * 1024)
  }, 300_000)

  it('lets the server answer others while it streams: the event loop turns between batches', async () => {
    // A reader as fast as the server (a download on a fast link) never makes it wait for the
    // socket; with SQLite's synchronous driver every step is then a resolved promise, and without
    // a turn of the event loop between batches nothing else ran until the last row: at a million
    // comments the server answered no request, not even its health check, for 90 s.
    const res = await get('/comments/export?format=csv', { token: staff.admin.token })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    let chunks = 0
    let timerRanAfter: number | null = null
    try {
      await reader.read()
      // Set once the export is under way: it runs at the event loop's next turn.
      setTimeout(() => (timerRanAfter = chunks), 0)
      while (timerRanAfter === null && chunks < 20) {
        const chunk = await reader.read()
        if (chunk.done) break
        chunks++
      }
    } finally {
      await reader.cancel()
    }
    // The timer ran within a batch or two, long before the export's 1,000 batches were read.
    expect(timerRanAfter).not.toBeNull()
    expect(timerRanAfter).toBeLessThanOrEqual(3)
  }, 120_000)

  it('keeps only the title and slug of each post its comments name, however long the posts', async () => {
    // A thousand posts with 48 KB bodies, one held comment on each: 48 MB of bodies, were the
    // posts kept whole while the export runs.
    const POSTS = 1000
    const body = longBody(48_000)
    const posts: Post[] = []
    for (let i = 0; i < POSTS; i += 25) {
      const created = await Promise.all(
        Array.from({ length: Math.min(25, POSTS - i) }, (_, j) =>
          t.payload.db.create({
            collection: 'posts',
            data: {
              title: `Long post ${i + j}`,
              slug: `long-post-${i + j}`,
              _status: 'published',
              body,
            },
          }),
        ),
      )
      for (const post of created) {
        posts.push(post as Post)
        await insertComments(t.payload, post as Post, [{ status: 'pending' }])
      }
    }
    const heapBefore = heldHeap()
    let heapPeak = heapBefore
    let text = ''
    const res = await get('/comments/export?format=csv&status=pending', {
      token: staff.admin.token,
    })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true })
      heapPeak = Math.max(heapPeak, heldHeap())
    }
    // Every comment with its post's title and slug.
    expect(text.trim().split('\n')).toHaveLength(POSTS + 1)
    expect(text).toContain('Long post 999,long-post-999')
    expect(heapPeak - heapBefore).toBeLessThan(16 * 1024 * 1024)
  }, 300_000)
})

describe('comments.export across batches', () => {
  it('writes each comment once when many share one moment', async () => {
    // More comments than a batch, all stored at the same instant: batches continue by id there.
    const tied = await createPost(t.payload)
    await insertManyComments(t.payload, tied, EXPORT_BATCH + 20, {
      moment: '2026-02-02T12:00:00.000Z',
    })
    const stored = await t.payload.db.find({
      collection: 'comments',
      where: { post: { equals: tied.id } },
      pagination: false,
      limit: 0,
    })
    const res = await get(`/comments/export?format=csv&post=${tied.id}`, {
      token: staff.admin.token,
    })
    expect(res.status).toBe(200)
    const lines = (await res.text()).trim().split('\r\n').slice(1)
    const exported = lines.map((line) => line.split(',')[0])
    expect(exported).toHaveLength(EXPORT_BATCH + 20)
    expect(new Set(exported)).toEqual(new Set(stored.docs.map((comment) => String(comment.id))))
  })
})

/** A post body of one paragraph of about `length` characters. */
function longBody(length: number) {
  const node = { direction: null, format: '', indent: 0, version: 1 }
  const text = {
    type: 'text',
    text: 'river '.repeat(length / 6),
    detail: 0,
    format: 0,
    mode: 'normal',
    style: '',
    version: 1,
  }
  return {
    root: {
      ...node,
      type: 'root',
      children: [{ ...node, type: 'paragraph', textFormat: 0, children: [text] }],
    },
  }
}
