import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { jest } from '@jest/globals'
import sharp from 'sharp'

import type * as LegacyRedirects from '@/data/legacyRedirects'
import type * as ImportWxr from '@/import/wxr/importWxr'
import type { Comment, Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

import { writeLargeWxr } from '../../bench/generate/wxr'
import { createStaff } from '../helpers/factories'
import { rejectionOf } from '../helpers/rejectionOf'
import { storedCount } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/** The WordPress import, on the fixture exports in tests/fixtures/wxr (see its README). */

const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures/wxr', name)
const BASE = 'https://blog.example-agency.gov'
const BUSY = 21 // the post with the nested thread, every status, pingbacks and an orphan
const CLOSED = 14 // closed before the export

let t: TestPayload
// Loaded after startTestPayload: they read the configuration (the test database) when imported.
let importWxr: typeof ImportWxr.importWxr
let postForLegacyId: typeof LegacyRedirects.postForLegacyId
let postForLegacyPath: typeof LegacyRedirects.postForLegacyPath
let commentForWordPressId: typeof LegacyRedirects.commentForWordPressId

beforeAll(async () => {
  t = await startTestPayload()
  ;({ importWxr } = await import('@/import/wxr/importWxr'))
  ;({ postForLegacyId, postForLegacyPath, commentForWordPressId } =
    await import('@/data/legacyRedirects'))
})
afterAll(async () => {
  await t?.stop()
})

async function postByWpId(id: number): Promise<Post> {
  const { docs } = await t.payload.find({
    collection: 'posts',
    where: { legacyPostId: { equals: id } },
    draft: true,
    depth: 0,
    limit: 1,
  })
  return docs[0] as Post
}

async function commentsOf(post: Post): Promise<Comment[]> {
  const { docs } = await t.payload.find({
    collection: 'comments',
    where: { post: { equals: post.id } },
    sort: 'createdAt',
    depth: 0,
    limit: 100,
  })
  return docs
}

const counts = async () => ({
  posts: await storedCount(t.payload, 'posts'),
  comments: await storedCount(t.payload, 'comments'),
  authors: await storedCount(t.payload, 'authors'),
  categories: await storedCount(t.payload, 'categories'),
  audit: await storedCount(t.payload, 'audit-entries'),
})

describe('import:wxr', () => {
  it('refuses a file that is not XML, not WXR or truncated, naming the line, and writes nothing', async () => {
    const before = await counts()
    for (const [name, message] of [
      ['malformed.xml', /not a readable XML file at line \d+/],
      ['truncated.xml', /ends early, at line \d+: it is truncated/],
      ['not-wxr.xml', /not a WordPress export \(WXR\)/],
      ['no-such-file.xml', /no such file/],
    ] as const) {
      const error = await rejectionOf(importWxr(t.payload, fixture(name)))
      expect(error.name).toBe('WxrError')
      expect(error.message).toMatch(message)
    }
    expect(await counts()).toEqual(before)
  })

  it('reports in a dry run what it would create, and writes nothing', async () => {
    const before = await counts()
    const publish = jest.spyOn(runtimeOf(t.payload).invalidation, 'publish')
    const summary = await importWxr(t.payload, fixture('blog-1.2.xml'), { dryRun: true })
    expect(publish).not.toHaveBeenCalled()
    publish.mockRestore()
    expect(summary.counts.posts).toMatchObject({ created: 7, failed: 0 })
    expect(summary.counts.comments).toMatchObject({ created: 15, failed: 0 })
    expect(await counts()).toEqual(before)
  })

  it('imports authors, categories and tags, posts by status, and comments with their statuses', async () => {
    const runtime = runtimeOf(t.payload)
    await runtime.content.get('probe', ['posts'], async () => 'before the import')
    const publish = jest.spyOn(runtime.invalidation, 'publish')
    const summary = await importWxr(t.payload, fixture('blog-1.2.xml'))
    // Every cache dropped once, when the run ended: one notice to the other instances, not one
    // for each of the dozens of documents written.
    expect(publish.mock.calls.map(([tags]) => tags)).toEqual([['everything']])
    publish.mockRestore()
    expect(await runtime.content.get('probe', ['posts'], async () => 'reloaded')).toBe('reloaded')

    expect(summary.counts).toMatchObject({
      authors: { created: 3, failed: 0 },
      categories: { created: 6, failed: 0 },
      posts: { created: 7, failed: 0 },
      comments: { created: 15, failed: 0 },
    })
    expect(summary.skipped).toEqual({ pages: 1, attachments: 1, pingbacks: 2, trackbacks: 1 })
    expect(summary.notes['shortcode [gallery] removed']).toBe(1)
    expect(summary.problems).toEqual([
      { item: `comment 117 (post ${BUSY})`, message: expect.stringMatching(/parent comment 115/) },
    ])

    const { docs: posts } = await t.payload.find({
      collection: 'posts',
      draft: true,
      depth: 0,
      limit: 20,
      where: { importedFrom: { like: 'blog.example-agency.gov' } },
    })
    const byStatus = posts.reduce<Record<string, number>>(
      (all, post) => ({ ...all, [post._status!]: (all[post._status!] ?? 0) + 1 }),
      {},
    )
    expect(byStatus).toEqual({ published: 3, draft: 4 })

    const busy = await postByWpId(BUSY)
    expect(busy.legacyPath).toBe(`/2023/04/${busy.slug}/`)
    const comments = await commentsOf(busy)
    const statuses = comments.reduce<Record<string, number>>(
      (all, c) => ({ ...all, [c.status]: (all[c.status] ?? 0) + 1 }),
      {},
    )
    expect(statuses).toEqual({ approved: 9, pending: 1, spam: 1, trash: 1 })
    // Not sent to Akismet, nobody told: the only job queued publishes the scheduled post.
    const { docs: jobs } = await t.payload.find({ collection: 'payload-jobs', depth: 0 })
    expect(jobs.map((job) => job.taskSlug)).toEqual(['schedulePublish'])
    expect(jobs[0].waitUntil).toMatch(/^2027-/)
  })

  it('keeps threading three replies deep, in date order, and the names as written', async () => {
    const comments = await commentsOf(await postByWpId(BUSY))
    const byWp = new Map(comments.map((c) => [Number(c.importedFrom!.split('-').pop()), c]))
    const chain = [104, 105, 106, 107].map((id) => byWp.get(id)!)
    expect(chain[0].parent ?? null).toBeNull()
    for (let depth = 1; depth < chain.length; depth++) {
      expect(chain[depth].parent).toBe(chain[depth - 1].id)
    }
    const dates = comments.map((c) => c.createdAt)
    expect(dates).toEqual([...dates].sort())
    expect(comments.map((c) => c.authorName)).toEqual(
      expect.arrayContaining(['Zoë Márquez', 'Jürgen Hahn', '李娜']),
    )
    // The orphan stays, as a top-level comment.
    expect(byWp.get(117)!.parent ?? null).toBeNull()
  })

  it('converts bodies to rich text: headings, lists, links, quotes, tables, no block comments or shortcodes as text', async () => {
    const { docs } = await t.payload.find({ collection: 'posts', draft: true, depth: 0, limit: 20 })
    const types = new Set<string>()
    let text = ''
    const walk = (node: { type?: string; text?: string; children?: unknown[] }) => {
      if (node.type) types.add(node.type)
      if (node.text) text += node.text
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    for (const post of docs) walk(post.body.root as never)
    for (const type of ['heading', 'list', 'listitem', 'link', 'quote', 'table', 'paragraph']) {
      expect(types).toContain(type)
    }
    expect(text).not.toMatch(/wp:paragraph|\[gallery|\[caption|<\/?p>|&amp;|&nbsp;/)
  })

  it('closes threads that were closed before the import, with the reason', async () => {
    const closed = await postByWpId(CLOSED)
    expect(closed).toMatchObject({
      commentStatus: 'closed',
      commentsClosedReason: 'Closed before import',
    })
  })

  it('answers the old address and ?p= number with the new post', async () => {
    const busy = await postByWpId(BUSY)
    const target = `/posts/${busy.slug}?from=wordpress`
    expect(await postForLegacyPath(busy.legacyPath!)).toBe(target)
    expect(await postForLegacyPath(busy.legacyPath!.replace(/\/$/, ''))).toBe(target)
    expect(await postForLegacyPath(`${busy.legacyPath}comment-page-2/`)).toBe(target)
    expect(await postForLegacyId(String(BUSY))).toBe(target)
    // WordPress's reply link names the comment: it goes to that comment's permalink.
    expect(await postForLegacyPath(busy.legacyPath!, { replytocom: '104' })).toBe(
      `/posts/${busy.slug}/comments/wordpress-104`,
    )
    expect(await postForLegacyId(String(BUSY), { replytocom: 'x' })).toBe(target)
    expect(await postForLegacyId('999999')).toBeNull()
    // A draft's old address does not reveal it.
    const draft = (
      await t.payload.find({
        collection: 'posts',
        draft: true,
        where: { _status: { equals: 'draft' } },
        limit: 1,
      })
    ).docs[0]
    expect(await postForLegacyId(String(draft.legacyPostId))).toBeNull()
  })

  it('finds an imported comment by its WordPress id, for old #comment-<id> links', async () => {
    const busy = await postByWpId(BUSY)
    const byWp = new Map(
      (await commentsOf(busy)).map((c) => [c.importedFrom!.split('#comment-').pop(), c]),
    )
    expect(await commentForWordPressId(busy.slug, '104')).toBe(String(byWp.get('104')!.id))
    expect(await commentForWordPressId(busy.slug, '999999')).toBeNull()
    expect(await commentForWordPressId(busy.slug, 'x')).toBeNull()
    // Another post's WordPress comment is not this post's.
    const closed = await postByWpId(CLOSED)
    expect(await commentForWordPressId(closed.slug, '104')).toBeNull()
  })

  it('changes nothing when the same file is imported again, and records one audit entry per run', async () => {
    const before = await counts()
    const summary = await importWxr(t.payload, fixture('blog-1.2.xml'))
    for (const kind of ['authors', 'categories', 'posts', 'comments'] as const) {
      expect(summary.counts[kind]).toMatchObject({ created: 0, updated: 0, failed: 0 })
    }
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 })
    const { docs } = await t.payload.find({
      collection: 'audit-entries',
      where: { action: { equals: 'import' } },
      depth: 0,
    })
    // The dry run wrote none; each real run one, not one per comment.
    expect(docs).toHaveLength(2)
    expect(docs[0]).toMatchObject({ targetType: 'import', actorName: expect.any(String) })
  })

  it("keeps what staff decided here: a moderator's spam stays spam, an edited post stays published", async () => {
    const comments = await commentsOf(await postByWpId(BUSY))
    const moderated = comments.find((c) => c.status === 'approved')!
    await t.payload.update({
      collection: 'comments',
      id: moderated.id,
      data: { status: 'spam' },
      user: (await createStaff(t.payload)).moderator,
    })
    const draft = (
      await t.payload.find({
        collection: 'posts',
        draft: true,
        where: { legacyPostId: { equals: 30 } },
        limit: 1,
      })
    ).docs[0]
    await t.payload.update({ collection: 'posts', id: draft.id, data: { _status: 'published' } })

    await importWxr(t.payload, fixture('blog-1.2.xml'))
    const after = await t.payload.findByID({ collection: 'comments', id: moderated.id, depth: 0 })
    expect(after.status).toBe('spam')
    expect((await postByWpId(30))._status).toBe('published')
  })

  it('takes what changed from a newer export of the same blog', async () => {
    const summary = await importWxr(t.payload, fixture('blog-1.2-updated.xml'))
    expect(summary.counts.posts).toMatchObject({ created: 0, updated: 1, unchanged: 6 })
    expect(summary.counts.comments).toMatchObject({ created: 1, updated: 1 })
    const comments = await commentsOf(await postByWpId(BUSY))
    expect(comments.filter((c) => c.status === 'pending')).toHaveLength(0)
  })

  it('archives every post with --archive, and brings images in from --uploads', async () => {
    const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-uploads-'))
    fs.mkdirSync(path.join(uploads, '2023/04'), { recursive: true })
    const jpeg = await sharp({
      create: { width: 4, height: 3, channels: 3, background: '#2a6' },
    })
      .jpeg()
      .toBuffer()
    fs.writeFileSync(path.join(uploads, '2023/04/lock-gate.jpg'), jpeg)

    const summary = await importWxr(t.payload, fixture('blog-1.2-updated.xml'), {
      archive: true,
      uploadsDir: uploads,
    })
    expect(summary.counts.media.created).toBe(1)
    const { docs } = await t.payload.find({
      collection: 'posts',
      draft: true,
      depth: 0,
      limit: 20,
      where: { _status: { equals: 'published' } },
    })
    for (const post of docs) expect(post).toMatchObject({ archived: true, commentStatus: 'closed' })
    const busy = await postByWpId(BUSY)
    expect(JSON.stringify(busy.body)).toMatch(/"type":"upload".*"relationTo":"media"/)

    // Archived once, the same import again is no change (and writes no new version).
    const again = await importWxr(t.payload, fixture('blog-1.2-updated.xml'), {
      archive: true,
      uploadsDir: uploads,
    })
    expect(again.counts.posts).toMatchObject({ created: 0, updated: 0, failed: 0 })
    expect(again.counts.media).toMatchObject({ created: 0, unchanged: 1 })
  })

  it('knows the same blog after it moved to https or dropped "www.": updates, never duplicates', async () => {
    // The same export, taken after the blog moved to http://www.… (the channel's own address).
    const moved = fs
      .readFileSync(fixture('blog-1.2-updated.xml'), 'utf8')
      .replace(`<link>${BASE}</link>`, '<link>http://www.blog.example-agency.gov</link>')
      .replace(
        `<wp:base_blog_url>${BASE}</wp:base_blog_url>`,
        '<wp:base_blog_url>http://WWW.blog.example-agency.gov/</wp:base_blog_url>',
      )
    expect(moved).toContain('<wp:base_blog_url>http://WWW.')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxr-moved-')), 'moved.xml')
    fs.writeFileSync(file, moved)
    const before = await counts()
    const summary = await importWxr(t.payload, file, { archive: true })
    expect(summary.counts.posts).toMatchObject({ created: 0, failed: 0 })
    expect(summary.counts.comments).toMatchObject({ created: 0, failed: 0 })
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 })
    expect((await postByWpId(BUSY)).importedFrom).toBe('blog.example-agency.gov/?p=21')
  })

  it('reads WXR 1.1 too, and maps a login to an existing author profile', async () => {
    const existing = await t.payload.create({
      collection: 'authors',
      data: { name: 'Ruth A. (agency profile)', slug: 'ruth-agency-profile' },
    })
    const authorsBefore = await storedCount(t.payload, 'authors')
    const summary = await importWxr(t.payload, fixture('blog-1.1.xml'), {
      authorMap: { parksnews: existing.id },
    })
    expect(summary.counts.posts).toMatchObject({ created: 2, failed: 0 })
    expect(summary.counts.comments).toMatchObject({ created: 4, failed: 0 })
    expect(await storedCount(t.payload, 'authors')).toBe(authorsBefore)
    const { docs } = await t.payload.find({
      collection: 'posts',
      where: { importedFrom: { like: 'news.example-parks.gov' } },
      depth: 0,
    })
    expect(docs).toHaveLength(2)
    for (const post of docs) expect(post.authors).toEqual([existing.id])
  })

  it('lets the server answer others between the comments it imports', async () => {
    // One post with 60 comments, a Payload create each: with SQLite's synchronous driver they
    // would all run without a turn of the event loop, holding every request meanwhile (an import
    // started from the admin runs in the web process).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxr-turns-'))
    const file = path.join(dir, 'turns.xml')
    await writeLargeWxr(file, { posts: 1, commentsPerPost: 60 })
    const events: ('comment' | 'timer')[] = []
    const db = t.payload.db
    const create = db.create
    db.create = (args) => {
      if (args.collection === 'comments') events.push('comment')
      return create.call(db, args)
    }
    const timer = setInterval(() => events.push('timer'), 0)
    try {
      const summary = await importWxr(t.payload, file)
      expect(summary.counts.comments.created).toBeGreaterThanOrEqual(50)
    } finally {
      clearInterval(timer)
      db.create = create
      fs.rmSync(dir, { recursive: true, force: true })
    }
    const first = events.indexOf('comment')
    const last = events.lastIndexOf('comment')
    const between = events.slice(first, last).filter((event) => event === 'timer').length
    // setInterval(0) fires at most once a millisecond: the import must let it run as it goes.
    expect(between).toBeGreaterThanOrEqual(5)
  })
})
