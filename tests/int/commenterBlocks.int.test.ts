import type { CommenterBlock, Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { auditCount, auditEntries } from '../helpers/auditTrail'
import { restAuth, type Caller } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import type { Refusal, Saved, Submitted } from '../helpers/restBodies'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post
let lastOctet = 0

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
})
afterAll(async () => {
  await t?.stop()
})

/** A fresh address in 198.51.100.0/24 for each submission, so the flood limit never applies. */
const nextIp = () => `198.51.100.${++lastOctet}`

/** A reader's submission over REST, from `ip`, with a unique text and email. */
function submit(data: { email?: string; ip?: string } = {}) {
  return api.call<Submitted & Refusal>('POST', '/comments', {
    json: {
      post: post.id,
      authorName: 'Sam Reader',
      authorEmail: data.email ?? `sam-${unique()}@example.com`,
      body: `A question about the schedule (${unique()}).`,
    },
    headers: { 'x-real-ip': data.ip ?? nextIp() },
  })
}

async function storedComment(id: number) {
  const { doc } = await storedDoc(t.payload, 'comments', id)
  return doc as { status: string; statusReason: string; statusRule: string; body: string }
}

function block(data: Record<string, unknown>, caller: Caller = 'moderator') {
  return api.call<Saved<CommenterBlock> & Refusal>('POST', '/commenter-blocks?depth=0', {
    ...restAuth(staff, caller),
    json: data,
  })
}

describe('commenter-blocks.submission', () => {
  it('sends a comment from a blocked email to the trash with the reason; the reader sees it held', async () => {
    const email = `troll-${unique()}@example.com`
    expect(
      (await block({ kind: 'email', value: email.toUpperCase(), reason: 'Abuse' })).status,
    ).toBe(201)

    const blocked = await submit({ email })
    const unblocked = await submit()
    expect(blocked.status).toBe(201)
    // Word for word what a first-time commenter's held comment answers: the block cannot be probed.
    const { id: _b, ...blockedAnswer } = blocked.body
    const { id: _u, ...heldAnswer } = unblocked.body
    expect(blockedAnswer).toEqual(heldAnswer)
    expect(heldAnswer.status).toBe('pending')

    expect(await storedComment(blocked.body.id)).toMatchObject({
      status: 'trash',
      statusReason: 'Blocked: Abuse',
      statusRule: 'commenter block',
    })
    expect((await storedComment(unblocked.body.id)).status).toBe('pending')
  })

  it('sends a comment from a blocked IP address to the trash', async () => {
    const ip = nextIp()
    expect((await block({ kind: 'ip', value: ip, reason: 'Flooding' })).status).toBe(201)
    const res = await submit({ ip })
    expect(await storedComment(res.body.id)).toMatchObject({
      status: 'trash',
      statusReason: 'Blocked: Flooding',
    })
    // An IPv4 client seen on an IPv6 socket is the same address.
    const mapped = await submit({ ip: `::ffff:${ip}` })
    expect((await storedComment(mapped.body.id)).status).toBe('trash')
  })

  it('sends a comment from inside a blocked range to the trash, and not one from outside', async () => {
    expect((await block({ kind: 'range', value: '203.0.113.0/25', reason: 'Botnet' })).status).toBe(
      201,
    )
    const inside = await submit({ ip: '203.0.113.77' })
    const outside = await submit({ ip: '203.0.113.200' })
    expect(await storedComment(inside.body.id)).toMatchObject({
      status: 'trash',
      statusReason: 'Blocked: Botnet',
    })
    expect((await storedComment(outside.body.id)).status).toBe('pending')
  })

  it('applies a range added after the ranges were cached', async () => {
    // The first submission loads (and keeps) the list of ranges.
    await submit({ ip: '192.0.2.10' })
    expect(
      (await block({ kind: 'range', value: '192.0.2.0/28', reason: 'Late range' })).status,
    ).toBe(201)
    const res = await submit({ ip: '192.0.2.11' })
    expect((await storedComment(res.body.id)).statusReason).toBe('Blocked: Late range')
  })

  it('does not apply an expired block', async () => {
    const email = `past-${unique()}@example.com`
    await t.payload.create({
      collection: 'commenter-blocks',
      data: {
        kind: 'email',
        value: email,
        reason: 'Ended',
        until: new Date(Date.now() - 60_000).toISOString(),
      },
    })
    const res = await submit({ email })
    expect((await storedComment(res.body.id)).status).toBe('pending')
  })

  it('applies a block until its end date', async () => {
    const email = `future-${unique()}@example.com`
    const until = new Date(Date.now() + 86_400_000).toISOString()
    expect((await block({ kind: 'email', value: email, reason: 'A day', until })).status).toBe(201)
    const res = await submit({ email })
    expect((await storedComment(res.body.id)).status).toBe('trash')
  })

  it('does not apply a lifted block, and records who lifted it', async () => {
    const ip = nextIp()
    const created = await block({ kind: 'ip', value: ip, reason: 'Mistake' })
    const id = created.body.doc.id
    const lifted = await api.call<Saved<CommenterBlock>>(
      'PATCH',
      `/commenter-blocks/${id}?depth=0`,
      {
        ...restAuth(staff, 'admin'),
        json: { lifted: true },
      },
    )
    expect(lifted.status).toBe(200)
    expect(lifted.body.doc).toMatchObject({
      lifted: true,
      liftedBy: staff.admin.id,
      liftedByName: staff.admin.email,
    })
    expect(lifted.body.doc.liftedAt).toEqual(expect.any(String))

    const res = await submit({ ip })
    expect((await storedComment(res.body.id)).status).toBe('pending')

    const [entry] = await auditEntries(t.payload, {
      action: { equals: 'commenter-block-lift' },
      targetId: { equals: String(id) },
    })
    expect(entry).toMatchObject({
      targetType: 'commenter-block',
      actorName: staff.admin.email,
      from: 'blocked',
      to: 'lifted',
    })
  })

  it('does not apply a range block that was lifted', async () => {
    const created = await block({ kind: 'range', value: '2001:db8:1::/48', reason: 'IPv6 range' })
    const inside = await submit({ ip: '2001:db8:1::5' })
    expect((await storedComment(inside.body.id)).status).toBe('trash')
    await api.call('PATCH', `/commenter-blocks/${created.body.doc.id}`, {
      ...restAuth(staff, 'moderator'),
      json: { lifted: true },
    })
    const after = await submit({ ip: '2001:db8:1::6' })
    expect((await storedComment(after.body.id)).status).toBe('pending')
  })

  it('never blocks a staff member', async () => {
    await block({ kind: 'email', value: staff.moderator.email, reason: 'Should not apply' })
    const res = await api.call<Submitted>('POST', '/comments', {
      ...restAuth(staff, 'moderator'),
      json: {
        post: post.id,
        authorName: 'Mod',
        authorEmail: staff.moderator.email,
        body: `Staff ${unique()}`,
      },
      headers: { 'x-real-ip': nextIp() },
    })
    expect(res.status).toBe(201)
    expect((await storedComment(res.body.id)).status).toBe('approved')
  })
})

describe('commenter-blocks.manage', () => {
  it('records a new block on the audit trail with who blocked, the reason and the end', async () => {
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString()
    const res = await block({
      kind: 'email',
      value: `a-${unique()}@example.com`,
      reason: 'Threats',
      until,
    })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({
      createdBy: staff.moderator.id,
      blockedByName: staff.moderator.email,
      lifted: false,
    })
    const [entry] = await auditEntries(t.payload, {
      action: { equals: 'commenter-block' },
      targetId: { equals: String(res.body.doc.id) },
    })
    expect(entry).toMatchObject({
      targetType: 'commenter-block',
      targetLabel: `Email address ${res.body.doc.value}`,
      actorType: 'user',
      actor: staff.moderator.id,
      reason: 'Threats',
      to: `blocked until ${res.body.doc.until}`,
    })
  })

  it.each([
    ['a CIDR range Node refuses', { kind: 'range', value: '203.0.113.0/33' }, 'value'],
    ['a range without a prefix', { kind: 'range', value: '203.0.113.0' }, 'value'],
    ['an IP address that is not one', { kind: 'ip', value: '999.1.1.1' }, 'value'],
    ['an email that is not one', { kind: 'email', value: 'not-an-email' }, 'value'],
    ['an unknown kind', { kind: 'name', value: 'Sam' }, 'kind'],
  ])('refuses %s (400); nothing is stored or recorded', async (_name, data, path) => {
    const blocks = await storedCount(t.payload, 'commenter-blocks')
    const audits = await auditCount(t.payload)
    const res = await block({ ...data, reason: 'Bad' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain(path)
    expect(await storedCount(t.payload, 'commenter-blocks')).toBe(blocks)
    expect(await auditCount(t.payload)).toBe(audits)
  })

  it('refuses a block without a reason (400)', async () => {
    const res = await block({ kind: 'ip', value: nextIp() })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body.errors)).toContain('reason')
  })

  it.each(['editor', 'author', 'anonymous'] as const)(
    'refuses the %s: no block is created or read',
    async (caller) => {
      const blocks = await storedCount(t.payload, 'commenter-blocks')
      const res = await block({ kind: 'ip', value: nextIp(), reason: 'No' }, caller)
      expect([401, 403]).toContain(res.status)
      const list = await api.call('GET', '/commenter-blocks', restAuth(staff, caller))
      expect([401, 403]).toContain(list.status)
      expect(await storedCount(t.payload, 'commenter-blocks')).toBe(blocks)
    },
  )

  it('cannot delete a block, change what it matches, or reinstate a lifted one', async () => {
    const created = await block({ kind: 'ip', value: nextIp(), reason: 'Kept' })
    const id = created.body.doc.id
    const del = await api.call('DELETE', `/commenter-blocks/${id}`, restAuth(staff, 'admin'))
    expect(del.status).toBe(403)
    const change = await api.call('PATCH', `/commenter-blocks/${id}`, {
      ...restAuth(staff, 'admin'),
      json: { value: '192.0.2.99' },
    })
    expect(change.status).toBe(400)
    await api.call('PATCH', `/commenter-blocks/${id}`, {
      ...restAuth(staff, 'admin'),
      json: { lifted: true },
    })
    const reinstate = await api.call('PATCH', `/commenter-blocks/${id}`, {
      ...restAuth(staff, 'admin'),
      json: { lifted: false },
    })
    expect(reinstate.status).toBe(400)
    expect((await storedDoc(t.payload, 'commenter-blocks', id)).doc).toMatchObject({
      value: created.body.doc.value,
      lifted: true,
    })
  })
})

describe('commenter-blocks.fromComment', () => {
  const fromComment = (json: unknown, caller: Caller = 'moderator') =>
    api.call<Saved<CommenterBlock> & Refusal>('POST', '/commenter-blocks/from-comment', {
      ...restAuth(staff, caller),
      json,
    })

  it.each([
    ['email', (c: { authorEmail: string }) => c.authorEmail],
    ['ip', () => '198.18.7.9'],
    ['range', () => '198.18.7.0/24'],
  ] as const)('blocks the comment author by %s, linked to the comment', async (kind, expected) => {
    const comment = await createComment(t.payload, post, {
      status: 'pending',
      authorEmail: `Queue-${unique()}@Example.com`,
      ip: '198.18.7.9',
    })
    const res = await fromComment({ comment: comment.id, kind, reason: 'From the queue' })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({
      kind,
      value: expected(comment).toLowerCase(),
      reason: 'From the queue',
      createdBy: staff.moderator.id,
      fromComment: comment.id,
    })
    const [entry] = await auditEntries(t.payload, {
      action: { equals: 'commenter-block' },
      targetId: { equals: String(res.body.doc.id) },
    })
    expect(entry).toMatchObject({ comment: comment.id, actor: staff.moderator.id })
  })

  it.each([
    ['an unknown kind', { kind: 'name', reason: 'x' }, 400],
    ['no reason', { kind: 'email' }, 400],
    ['an end date in the past', { kind: 'email', reason: 'x', until: '2001-01-01' }, 400],
    ['an unknown comment', { kind: 'email', reason: 'x', comment: 999999 }, 404],
  ])('refuses %s; nothing is stored', async (_name, data, status) => {
    const comment = await createComment(t.payload, post)
    const blocks = await storedCount(t.payload, 'commenter-blocks')
    const res = await fromComment({ comment: comment.id, ...data })
    expect(res.status).toBe(status)
    expect(res.body.errors[0].message).toEqual(expect.any(String))
    expect(await storedCount(t.payload, 'commenter-blocks')).toBe(blocks)
  })

  it.each(['editor', 'author', 'anonymous'] as const)('refuses the %s', async (caller) => {
    const comment = await createComment(t.payload, post)
    const res = await fromComment({ comment: comment.id, kind: 'email', reason: 'x' }, caller)
    expect(res.status).toBe(caller === 'anonymous' ? 401 : 403)
  })
})
