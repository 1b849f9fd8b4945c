import type { Payload } from 'payload'

import type { Post, Redirect } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'
import { RECHECK_AFTER_MS } from '@/runtime/sharedInvalidation'

import { createApiClient, type ApiClient } from '../helpers/api'
import { auditEntries } from '../helpers/auditTrail'
import { countDatabaseCalls } from '../helpers/countDatabaseCalls'
import { createPost, createStaff, unique, type Staff } from '../helpers/factories'
import { rejectionOf } from '../helpers/rejectionOf'
import { pause } from '../helpers/sharedInstances'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// The redirect rules: what the server stores, refuses and answers. Who may write redirects is in
// the access matrix (tests/int/accessMatrix.int.test.ts); the browser's side in
// tests/e2e/redirectsAndPreview.e2e.test.ts.

let t: TestPayload
let payload: Payload
let api: ApiClient
let staff: Staff
let redirectFor: typeof import('@/data/redirects').redirectFor

beforeAll(async () => {
  t = await startTestPayload()
  payload = t.payload
  api = await createApiClient()
  staff = await createStaff(payload)
  ;({ redirectFor } = await import('@/data/redirects'))
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(() => runtimeOf(payload).content.clear())

const rename = (post: Post, slug: string, draft = false) =>
  payload.update({
    collection: 'posts',
    id: post.id,
    data: { slug, ...(draft ? {} : { _status: 'published' as const }) },
    draft,
  })

async function redirectsFrom(from: string): Promise<Redirect[]> {
  const { docs } = await payload.find({
    collection: 'redirects',
    where: { from: { equals: from } },
    depth: 0,
    limit: 10,
  })
  return docs
}

const toPost = (post: Post) => ({ type: 'post', post: post.id })

/** A redirect made over REST by an editor: the status and body Payload answered. */
const createOverRest = (data: Record<string, unknown>) =>
  api.call<any>('POST', '/redirects', { token: staff.editor.token, json: data })

/** Refused over REST with 400 naming `path`, and nothing stored. */
async function expectRefused(data: Record<string, unknown>, path: string, message: RegExp) {
  const before = await storedCount(payload, 'redirects')
  const res = await createOverRest(data)
  expect(res.status).toBe(400)
  const errors = res.body.errors[0].data?.errors ?? []
  expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]))
  expect(JSON.stringify(res.body)).toMatch(message)
  expect(await storedCount(payload, 'redirects')).toBe(before)
}

describe('redirects.from', () => {
  it('is stored in one normal form: decoded, without empty segments or a trailing slash', async () => {
    const target = await createPost(payload)
    const res = await createOverRest({ from: ' /Old%20Page//2019/ ', to: toPost(target) })
    expect(res.status).toBe(201)
    expect(res.body.doc.from).toBe('/Old Page/2019')
  })

  it('is unique in its normal form', async () => {
    const target = await createPost(payload)
    const from = `/unique-${unique()}`
    expect((await createOverRest({ from, to: toPost(target) })).status).toBe(201)
    await expectRefused({ from: `${from}/`, to: toPost(target) }, 'from', /unique/i)
  })

  it.each([
    ['old-page', /starting with a single \//],
    ['//evil.example/x', /starting with a single \//],
    ['/old?page=2', /path only/],
    ['/old#part', /path only/],
    ['/a/../admin', /segment/],
    ['/bad%zzescape', /percent-encoding/],
    ['/', /site's own pages/],
    ['/admin/collections/posts', /site's own pages/],
    ['/api/posts', /site's own pages/],
    ['/archive', /site's own pages/],
    ['/feed.xml', /site's own pages/],
  ])('refuses %s (400, nothing stored)', async (from, message) => {
    const target = await createPost(payload)
    await expectRefused({ from, to: toPost(target) }, 'from', message)
  })

  it("refuses another published post's own address, which answers there itself", async () => {
    const live = await createPost(payload)
    const target = await createPost(payload)
    await expectRefused({ from: `/posts/${live.slug}`, to: toPost(target) }, 'from', /published/)
  })
})

describe('redirects.to', () => {
  it.each([
    ['/new-page?x=1#top', '/new-page?x=1#top'],
    ['/Neue%20Seite/', '/Neue Seite'],
    ['https://www.example.gov/reports', 'https://www.example.gov/reports'],
    ['HTTP://Example.gov', 'http://example.gov/'],
  ])('accepts %s (stored as %s)', async (url, stored) => {
    const res = await createOverRest({ from: `/from-${unique()}`, to: { type: 'url', url } })
    expect(res.status).toBe(201)
    expect(res.body.doc.to.url).toBe(stored)
  })

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.gov/file',
    '//evil.example/path',
    'https://user:secret@example.gov/',
    'not a url',
  ])('refuses %s (400, nothing stored)', async (url) => {
    await expectRefused({ from: `/from-${unique()}`, to: { type: 'url', url } }, 'to.url', /./)
  })

  it('requires the post or the address its type names', async () => {
    await expectRefused({ from: `/from-${unique()}`, to: { type: 'post' } }, 'to.post', /post/)
    await expectRefused({ from: `/from-${unique()}`, to: { type: 'url' } }, 'to.url', /path/)
  })

  it('refuses a loop: a redirect to its own path', async () => {
    const from = `/loop-${unique()}`
    await expectRefused({ from, to: { type: 'url', url: `${from}/?again=1` } }, 'to.url', /own/)
  })

  it('refuses a chain: a redirect to a path that itself redirects', async () => {
    const target = await createPost(payload)
    const first = `/first-${unique()}`
    expect((await createOverRest({ from: first, to: toPost(target) })).status).toBe(201)
    await expectRefused(
      { from: `/second-${unique()}`, to: { type: 'url', url: first } },
      'to.url',
      /already redirects/,
    )
  })

  it('repoints redirects that led to a new redirect’s path, so none is a chain', async () => {
    const target = await createPost(payload)
    const middle = `/middle-${unique()}`
    const first = await createOverRest({
      from: `/first-${unique()}`,
      to: { type: 'url', url: middle },
    })
    expect(first.status).toBe(201)
    expect((await createOverRest({ from: middle, to: toPost(target) })).status).toBe(201)
    const { doc } = await storedDoc(payload, 'redirects', first.body.doc.id)
    expect(doc?.to).toMatchObject({ type: 'post', post: target.id, url: null })
  })

  it('refuses a change that would make a loop, and leaves the redirect as it was', async () => {
    const a = `/a-${unique()}`
    const b = `/b-${unique()}`
    const made = await createOverRest({ from: a, to: { type: 'url', url: b } })
    const before = await storedDoc(payload, 'redirects', made.body.doc.id)
    // b → a would close the loop a → b → a: a already redirects.
    await expectRefused({ from: b, to: { type: 'url', url: a } }, 'to.url', /already redirects/)
    const res = await api.call<any>('PATCH', `/redirects/${made.body.doc.id}`, {
      token: staff.editor.token,
      json: { to: { type: 'url', url: a } },
    })
    expect(res.status).toBe(400)
    expect(await storedDoc(payload, 'redirects', made.body.doc.id)).toEqual(before)
  })
})

describe('a published post’s slug change', () => {
  it('redirects the old address to the post, permanently, at its current slug', async () => {
    const post = await createPost(payload)
    const old = post.slug
    const renamed = await rename(post, `renamed-${unique()}`)
    const [redirect] = await redirectsFrom(`/posts/${old}`)
    expect(redirect.to).toMatchObject({ type: 'post', post: post.id })
    expect(await redirectFor(`/posts/${old}`)).toBe(`/posts/${renamed.slug}`)
    // The query is kept: a link to a page of the thread still opens that page.
    expect(await redirectFor(`/posts/${old}`, { comments: '2' })).toBe(
      `/posts/${renamed.slug}?comments=2`,
    )
  })

  it('makes no redirect for a draft, nor for a new slug saved only in a draft', async () => {
    const draft = await createPost(payload, { _status: 'draft' })
    await rename(draft, `draft-${unique()}`, true)
    expect(await redirectsFrom(`/posts/${draft.slug}`)).toEqual([])

    const live = await createPost(payload)
    const next = `next-${unique()}`
    await rename(live, next, true)
    expect(await redirectsFrom(`/posts/${live.slug}`)).toEqual([])
    // Publishing the draft moves the address: readers' old one redirects then.
    await payload.update({ collection: 'posts', id: live.id, data: { _status: 'published' } })
    expect(await redirectFor(`/posts/${live.slug}`)).toBe(`/posts/${next}`)
  })

  it('points every old address straight at the newest when the slug changes twice', async () => {
    const post = await createPost(payload)
    const [a, b, c] = [post.slug, `second-${unique()}`, `third-${unique()}`]
    await rename(post, b)
    await rename(post, c)
    expect(await redirectFor(`/posts/${a}`)).toBe(`/posts/${c}`)
    expect(await redirectFor(`/posts/${b}`)).toBe(`/posts/${c}`)
  })

  it('never redirects the live post away: changing the slug back removes that redirect', async () => {
    const post = await createPost(payload)
    const [a, b] = [post.slug, `away-${unique()}`]
    await rename(post, b)
    await rename(post, a)
    expect(await redirectsFrom(`/posts/${a}`)).toEqual([])
    expect(await redirectFor(`/posts/${b}`)).toBe(`/posts/${a}`)
  })

  it('gives an old address to another post published there', async () => {
    const first = await createPost(payload)
    const old = first.slug
    await rename(first, `moved-${unique()}`)
    expect(await redirectsFrom(`/posts/${old}`)).toHaveLength(1)
    await createPost(payload, { slug: old })
    expect(await redirectsFrom(`/posts/${old}`)).toEqual([])
  })

  it('keeps a hand-made redirect to the old address working, in one step', async () => {
    const post = await createPost(payload)
    const from = `/campaign-${unique()}`
    const made = await createOverRest({ from, to: { type: 'url', url: `/posts/${post.slug}` } })
    const renamed = await rename(post, `campaign-post-${unique()}`)
    expect((await storedDoc(payload, 'redirects', made.body.doc.id)).doc?.to).toMatchObject({
      type: 'post',
      post: post.id,
    })
    expect(await redirectFor(from)).toBe(`/posts/${renamed.slug}`)
  })

  it('stores no redirect when the new slug is refused', async () => {
    const taken = await createPost(payload)
    const post = await createPost(payload)
    const before = await storedCount(payload, 'redirects')
    expect((await rejectionOf(rename(post, taken.slug))).status).toBe(400)
    expect(await storedCount(payload, 'redirects')).toBe(before)
  })

  it('records the redirect in the audit trail, as the editor who published', async () => {
    const post = await createPost(payload)
    const old = post.slug
    const res = await api.call<any>('PATCH', `/posts/${post.id}`, {
      token: staff.editor.token,
      json: { slug: `audited-${unique()}`, _status: 'published' },
    })
    expect(res.status).toBe(200)
    const [redirect] = await redirectsFrom(`/posts/${old}`)
    const entries = await auditEntries(payload, {
      targetType: { equals: 'redirect' },
      targetId: { equals: String(redirect.id) },
    })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'redirect-create',
      targetType: 'redirect',
      targetLabel: `/posts/${old}`,
      actorName: staff.editor.email,
      post: post.id,
    })
  })

  it('takes its redirects with it when the post is deleted', async () => {
    const post = await createPost(payload)
    const old = post.slug
    await rename(post, `doomed-${unique()}`)
    expect(await redirectsFrom(`/posts/${old}`)).toHaveLength(1)
    await payload.delete({ collection: 'posts', id: post.id })
    expect(await redirectsFrom(`/posts/${old}`)).toEqual([])
    const deleted = await auditEntries(payload, { action: { equals: 'redirect-delete' } })
    expect(deleted.map((entry) => entry.targetLabel)).toContain(`/posts/${old}`)
  })
})

describe('the redirect lookup', () => {
  it('leads nowhere while the target post is not published', async () => {
    const draft = await createPost(payload, { _status: 'draft' })
    const from = `/to-draft-${unique()}`
    expect((await createOverRest({ from, to: toPost(draft) })).status).toBe(201)
    expect(await redirectFor(from)).toBeNull()
  })

  it('answers an address as stored, encoded for the Location header', async () => {
    const from = `/away-${unique()}`
    await createOverRest({ from, to: { type: 'url', url: '/Neue Seite?q=ä' } })
    expect(await redirectFor(`${from}/`)).toBe('/Neue%20Seite?q=%C3%A4')
  })

  it('costs one indexed query for an unknown path, and none once cached', async () => {
    const counter = countDatabaseCalls(payload)
    try {
      expect(await redirectFor(`/nothing-${unique()}`)).toBeNull()
      expect(counter.calls()).toBe(1)
    } finally {
      counter.stop()
    }
    const from = `/cached-${unique()}`
    await createOverRest({ from, to: { type: 'url', url: '/elsewhere' } })
    // Every write drops what was loaded since once more a moment later (the recheck, for reads
    // racing the commit): this write's and the earlier tests'. Count once they have run.
    await pause(RECHECK_AFTER_MS + 200)
    await redirectFor(from)
    const again = countDatabaseCalls(payload)
    try {
      expect(await redirectFor(from)).toBe('/elsewhere')
      expect(again.calls()).toBe(0)
    } finally {
      again.stop()
    }
  })

  it('follows a change at once: the cache is invalidated when a redirect changes', async () => {
    const from = `/changing-${unique()}`
    const made = await createOverRest({ from, to: { type: 'url', url: '/first' } })
    expect(await redirectFor(from)).toBe('/first')
    await api.call<any>('PATCH', `/redirects/${made.body.doc.id}`, {
      token: staff.editor.token,
      json: { to: { type: 'url', url: '/second' } },
    })
    expect(await redirectFor(from)).toBe('/second')
    await api.call<any>('DELETE', `/redirects/${made.body.doc.id}`, { token: staff.editor.token })
    expect(await redirectFor(from)).toBeNull()
  })
})
