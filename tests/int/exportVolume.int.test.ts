import v8 from 'node:v8'
import vm from 'node:vm'

import { EXPORT_BATCH } from '@/comments/export/exportBatches'
import type { Post } from '@/payload-types'

import { insertManyComments } from '../helpers/bulkComments'
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
})
