import type { Comment, Post } from '@/payload-types'
import type { RunningServer } from '@/server/listen'

import { createApiClient, type ApiClient } from '../helpers/api'
import {
  createAuthor,
  createComment,
  createPost,
  createStaff,
  simpleBody,
  type Staff,
} from '../helpers/factories'
import { startFront } from '../helpers/front'
import { createPayloadHandle } from '../helpers/payloadHandle'
import { storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/** Input that must not be stored as given: refused by name, or cleaned at the door. */

type Refused = {
  errors: { message: string; path?: string; data?: { errors?: { path: string }[] } }[]
}

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post
let proxied: RunningServer

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  proxied = await startFront(t.payload, await createPayloadHandle(), { trustProxy: 1 })
})
afterAll(async () => {
  proxied?.server.close()
  await t?.stop()
})

const linkBody = (url: string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        textFormat: 0,
        children: [
          {
            type: 'link',
            version: 3,
            direction: 'ltr' as const,
            format: '' as const,
            indent: 0,
            fields: { url, linkType: 'custom', newTab: false },
            children: [{ type: 'text', version: 1, text: 'a link', format: 0, mode: 'normal' }],
          },
        ],
      },
    ],
  },
})

describe('the client address', () => {
  /** A comment through a trusted proxy that forwards `forwardedFor`; the IP address stored. */
  async function storedAddress(forwardedFor: string, email: string) {
    const res = await fetch(`http://127.0.0.1:${proxied.port}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({
        post: post.id,
        authorName: 'Proxy Reader',
        authorEmail: email,
        body: `Sent through a proxy that forwards ${forwardedFor}.`,
      }),
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    return (await storedDoc(t.payload, 'comments', id)).doc?.ip
  }

  it('keeps only a valid address from a trusted proxy: garbage in X-Forwarded-For is not stored', async () => {
    expect(await storedAddress('<script>alert(1)</script>', 'proxy@example.com')).toBe('127.0.0.1')
  })

  it('stores a valid forwarded address', async () => {
    expect(await storedAddress('2001:db8::7', 'proxy6@example.com')).toBe('2001:db8::7')
  })
})

describe('writes that used to be ignored are refused, naming the field', () => {
  it('an author setting createdBy on a new post', async () => {
    const author = await createAuthor(t.payload)
    const res = await api.call<Refused>('POST', '/posts', {
      token: staff.author.token,
      json: {
        title: 'Mine',
        body: simpleBody(),
        authors: [author.id],
        _status: 'draft',
        createdBy: staff.editor.id,
      },
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/createdBy/)
  })

  it("an editor changing a post's createdBy", async () => {
    const res = await api.call<Refused>('PATCH', `/posts/${post.id}`, {
      token: staff.editor.token,
      json: { createdBy: staff.author.id },
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/createdBy/)
    expect((await storedDoc(t.payload, 'posts', post.id)).doc?.createdBy).toEqual(
      post.createdBy ?? null,
    )
  })

  it("a moderator setting a comment's IP address", async () => {
    const comment: Comment = await createComment(t.payload, post, { ip: '192.0.2.1' })
    const res = await api.call<Refused>('PATCH', `/comments/${comment.id}`, {
      token: staff.moderator.token,
      json: { ip: '198.51.100.1' },
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/\bip\b/)
    expect((await storedDoc(t.payload, 'comments', comment.id)).doc?.ip).toBe('192.0.2.1')
  })

  it('a moderator may still change the status in the same form', async () => {
    const comment: Comment = await createComment(t.payload, post, { ip: '192.0.2.2' })
    const res = await api.call<Refused>('PATCH', `/comments/${comment.id}`, {
      token: staff.moderator.token,
      json: { status: 'spam', ip: '192.0.2.2' },
    })
    expect(res.status).toBe(200)
    expect((await storedDoc(t.payload, 'comments', comment.id)).doc?.status).toBe('spam')
  })

  it('a moderator saving back the whole comment as read (what the admin form does) may change its status', async () => {
    const comment: Comment = await createComment(t.payload, post, { status: 'pending' })
    const read = await api.call<Record<string, unknown>>('GET', `/comments/${comment.id}?depth=0`, {
      token: staff.moderator.token,
    })
    expect(read.status).toBe(200)
    expect(read.body.ip).toBe('192.0.2.1')
    const res = await api.call('PATCH', `/comments/${comment.id}`, {
      token: staff.moderator.token,
      json: { ...read.body, status: 'approved' },
    })
    expect(res.status).toBe(200)
    expect((await storedDoc(t.payload, 'comments', comment.id)).doc?.status).toBe('approved')
  })

  it('a title sent to the thread endpoint', async () => {
    const res = await api.call<Refused>('POST', `/posts/${post.id}/thread`, {
      token: staff.moderator.token,
      json: { status: 'closed', title: 'Renamed' },
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/title/)
    const { doc: stored } = await storedDoc(t.payload, 'posts', post.id)
    expect(stored?.title).toBe(post.title)
    expect(stored?.commentStatus).toBe('open')
  })
})

describe('links in post bodies', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' \tjava\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('refuses %j on save, and stores nothing', async (url) => {
    const res = await api.call<Refused>('PATCH', `/posts/${post.id}`, {
      token: staff.editor.token,
      json: { body: linkBody(url) },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data?.errors?.[0]?.path ?? res.body.errors[0].path ?? '').toMatch(
      /body/,
    )
    expect(JSON.stringify((await storedDoc(t.payload, 'posts', post.id)).doc?.body)).not.toContain(
      'script',
    )
  })

  it.each(['https://www.example.gov/plan', '/posts/other', '#section', 'mailto:team@example.gov'])(
    'accepts %j',
    async (url) => {
      const res = await api.call<Refused>('PATCH', `/posts/${post.id}`, {
        token: staff.editor.token,
        json: { body: linkBody(url) },
      })
      expect(res.status).toBe(200)
    },
  )
})
