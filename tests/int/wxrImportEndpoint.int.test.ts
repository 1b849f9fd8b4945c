import fs from 'node:fs'
import path from 'node:path'

import type { ImportSummary } from '@/import/wxr/importSummary'
import type { ImportRun } from '@/runtime/importRuns'
import type { RunningServer } from '@/server/listen'

import { createStaff, type Staff } from '../helpers/factories'
import { startFront } from '../helpers/front'
import { createPayloadHandle } from '../helpers/payloadHandle'
import { storedCount } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * The admin's WordPress import over REST, through the Express front and Payload's real route
 * handlers: POST /api/posts/import-wxr (check or import) and GET /api/posts/import-wxr/:id.
 */

const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures/wxr', name)

let t: TestPayload
let staff: Staff
let running: RunningServer

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  running = await startFront(t.payload, await createPayloadHandle())
})
afterAll(async () => {
  running?.server.close()
  await t?.stop()
})

type Upload = { token?: string; type?: string; file?: string; archive?: boolean }

function upload(mode: string, { token, type = 'application/xml', file = 'blog-1.2.xml' }: Upload) {
  return fetch(
    `http://127.0.0.1:${running.port}/api/posts/import-wxr?mode=${mode}&name=${file}&archive=1`,
    {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: fs.readFileSync(fixture(file)),
    },
  )
}

const runOf = (id: string, token = staff.admin.token) =>
  fetch(`http://127.0.0.1:${running.port}/api/posts/import-wxr/${id}`, {
    headers: { authorization: `JWT ${token}` },
  })

async function finishedRun(id: string): Promise<ImportRun> {
  const deadline = Date.now() + 25_000
  while (Date.now() < deadline) {
    const run = (await (await runOf(id)).json()) as ImportRun
    if (run.state === 'finished' || run.state === 'failed') return run
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`import ${id} did not finish`)
}

const counts = async () => ({
  posts: await storedCount(t.payload, 'posts'),
  comments: await storedCount(t.payload, 'comments'),
  authors: await storedCount(t.payload, 'authors'),
  audit: await storedCount(t.payload, 'audit-entries'),
})

const messageOf = async (res: Response) =>
  ((await res.json()) as { errors: { message: string }[] }).errors[0].message

describe('POST /api/posts/import-wxr?mode=check', () => {
  it('answers an admin the dry run: its summary and lines, and writes nothing', async () => {
    const before = await counts()
    const res = await upload('check', { token: staff.admin.token })
    expect(res.status).toBe(200)
    const { summary, lines } = (await res.json()) as { summary: ImportSummary; lines: string[] }
    expect(summary.counts.posts).toMatchObject({ created: 7, failed: 0 })
    expect(summary.counts.comments).toMatchObject({ created: 15, failed: 0 })
    expect(lines).toContainEqual(expect.stringMatching(/posts +7 would be created/))
    expect(await counts()).toEqual(before)
  })

  it('refuses an editor (403) and a visitor (401), storing nothing', async () => {
    const before = await counts()
    const editor = await upload('import', { token: staff.editor.token })
    expect(editor.status).toBe(403)
    expect(await messageOf(editor)).toMatch(/only admins can import/i)
    const visitor = await upload('import', {})
    expect(visitor.status).toBe(401)
    expect(await messageOf(visitor)).toMatch(/signed in/i)
    expect(await counts()).toEqual(before)
  })

  it('refuses a malformed export with 400 naming the line, storing nothing', async () => {
    const before = await counts()
    for (const mode of ['check', 'import']) {
      const res = await upload(mode, { token: staff.admin.token, file: 'malformed.xml' })
      expect(res.status).toBe(400)
      expect(await messageOf(res)).toMatch(/not a readable XML file at line \d+/)
    }
    expect(await counts()).toEqual(before)
  })

  it('refuses another content type with 415', async () => {
    const res = await upload('check', { token: staff.admin.token, type: 'application/json' })
    expect(res.status).toBe(415)
    expect(await messageOf(res)).toMatch(/application\/xml/)
  })

  it('refuses an unknown mode with 400', async () => {
    const res = await upload('replace', { token: staff.admin.token })
    expect(res.status).toBe(400)
  })
})

describe('POST /api/posts/import-wxr?mode=import', () => {
  it('answers 202 with a run, refuses a second one meanwhile (409), and finishes with the summary', async () => {
    const before = await counts()
    const [first, second] = await Promise.all([
      upload('import', { token: staff.admin.token }),
      upload('import', { token: staff.admin.token }),
    ])
    const [started, refused] = first.status === 202 ? [first, second] : [second, first]
    expect([started.status, refused.status]).toEqual([202, 409])
    expect(await messageOf(refused)).toMatch(/already under way/)
    const { id } = (await started.json()) as { id: string }

    const run = await finishedRun(id)
    expect(run).toMatchObject({
      state: 'finished',
      file: 'blog-1.2.xml',
      archive: true,
      error: null,
      progress: { posts: 7, totalPosts: 7, totalComments: run.progress.comments },
    })
    expect(run.finishedAt).toEqual(expect.any(String))
    expect(run.summary!.counts.posts).toMatchObject({ created: 7, failed: 0 })
    expect(run.summary!.counts.comments).toMatchObject({ created: 15, failed: 0 })
    expect(run.lines).toContainEqual(expect.stringMatching(/posts +7 created/))

    const { docs } = await t.payload.find({
      collection: 'posts',
      where: { importedFrom: { exists: true } },
      draft: true,
      depth: 0,
      limit: 20,
    })
    expect(docs).toHaveLength(7)
    expect(docs.every((post) => post.archived)).toBe(true)
    expect(await counts()).toMatchObject({
      posts: before.posts + 7,
      comments: before.comments + 15,
      audit: before.audit + 1,
    })
  })

  it('answers the run to admins only, and 404 for an unknown id', async () => {
    expect((await runOf('no-such-run')).status).toBe(404)
    expect((await runOf('no-such-run', staff.editor.token)).status).toBe(403)
  })

  it('takes another import once the first has finished', async () => {
    const res = await upload('import', { token: staff.admin.token })
    expect(res.status).toBe(202)
    const run = await finishedRun(((await res.json()) as { id: string }).id)
    expect(run.summary!.counts.posts).toMatchObject({ created: 0, failed: 0 })
  })
})
