import type { AuditEntry, Comment, Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { auditCount, auditEntries, auditEntriesOfComment } from '../helpers/auditTrail'
import { localAuth, restAuth, type Caller } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import { rejectionOf } from '../helpers/rejectionOf'
import type { Docs, Refusal } from '../helpers/restBodies'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

const EVERYONE = ['admin', 'moderator', 'editor', 'author', 'anonymous'] as const
const IMMUTABLE = 'Audit entries cannot be changed or deleted'

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post
/** An entry written by a moderator's action, and one written by an import. */
let entry: AuditEntry
let other: AuditEntry

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  const comment = await createComment(t.payload, post, { status: 'pending' })
  const res = await api.call('POST', '/comments/moderate', {
    ...restAuth(staff, 'moderator'),
    json: { ids: [comment.id], action: 'approve', reason: 'On topic' },
  })
  expect(res.status).toBe(200)
  ;[other, entry] = await auditEntriesOfComment(t.payload, comment.id)
})
afterAll(async () => {
  await t?.stop()
})

/** Every entry as stored: compare before and after a refused write. */
const trail = () => auditEntries(t.payload)

const newEntry = {
  action: 'comment-status',
  summary: 'Forged entry',
  actorType: 'system',
  actorName: 'system: forger',
  targetType: 'comment',
  from: 'spam',
  to: 'approved',
}

describe('audit.immutable', () => {
  describe.each(EVERYONE)('as %s', (caller) => {
    it('cannot create an entry over REST, GraphQL or the Local API (403); nothing is stored', async () => {
      const before = await trail()

      const rest = await api.call('POST', '/audit-entries', {
        ...restAuth(staff, caller),
        json: newEntry,
      })
      expect(rest.status).toBe(403)

      const gql = await api.graphql(
        `mutation ($data: mutationAuditEntryInput!) { createAuditEntry(data: $data) { id } }`,
        // GraphQL spells select values as enum names: comment-status is comment_status.
        {
          ...restAuth(staff, caller),
          variables: { data: { ...newEntry, action: 'comment_status' } },
        },
      )
      expect(gql.body.data?.createAuditEntry ?? null).toBeNull()
      expect(gql.body.errors?.[0].message).toMatch(/not allowed/i)

      const local = await rejectionOf(
        t.payload.create({
          collection: 'audit-entries',
          data: newEntry as AuditEntry,
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await trail()).toEqual(before)
    })

    it('cannot change an entry over REST, GraphQL or the Local API (403); nothing changes', async () => {
      const before = await trail()
      const change = { reason: 'Rewritten', to: 'spam' }

      const rest = await api.call('PATCH', `/audit-entries/${entry.id}`, {
        ...restAuth(staff, caller),
        json: change,
      })
      expect(rest.status).toBe(403)

      const bulk = await api.call('PATCH', `/audit-entries?where[id][exists]=true`, {
        ...restAuth(staff, caller),
        json: change,
      })
      expect(bulk.status).toBe(403)

      const gql = await api.graphql(
        `mutation { updateAuditEntry(id: ${JSON.stringify(entry.id)}, data: { reason: "Rewritten" }) { id } }`,
        restAuth(staff, caller),
      )
      expect(gql.body.data?.updateAuditEntry ?? null).toBeNull()
      expect(gql.body.errors?.[0].message).toMatch(/not allowed/i)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'audit-entries',
          id: entry.id,
          data: change,
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await trail()).toEqual(before)
    })

    it('cannot delete an entry over REST, GraphQL or the Local API (403); nothing is removed', async () => {
      const before = await trail()

      const rest = await api.call('DELETE', `/audit-entries/${entry.id}`, restAuth(staff, caller))
      expect(rest.status).toBe(403)

      const bulk = await api.call(
        'DELETE',
        `/audit-entries?where[id][exists]=true`,
        restAuth(staff, caller),
      )
      expect(bulk.status).toBe(403)

      const gql = await api.graphql(
        `mutation { deleteAuditEntry(id: ${JSON.stringify(entry.id)}) { id } }`,
        restAuth(staff, caller),
      )
      expect(gql.body.data?.deleteAuditEntry ?? null).toBeNull()
      expect(gql.body.errors?.[0].message).toMatch(/not allowed/i)

      const local = await rejectionOf(
        t.payload.delete({
          collection: 'audit-entries',
          id: entry.id,
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await trail()).toEqual(before)
    })
  })

  describe('server code with access overridden', () => {
    it('cannot change an entry, by id or in bulk', async () => {
      const before = await trail()

      const byId = await rejectionOf(
        t.payload.update({
          collection: 'audit-entries',
          id: entry.id,
          data: { reason: 'Rewritten' },
          overrideAccess: true,
        }),
      )
      expect(byId).toMatchObject({ status: 403, message: IMMUTABLE })

      const bulk = await t.payload.update({
        collection: 'audit-entries',
        where: { id: { in: [entry.id, other.id] } },
        data: { reason: 'Rewritten' },
        overrideAccess: true,
      })
      expect(bulk.docs).toEqual([])
      expect(bulk.errors.map((error) => error.message)).toEqual([IMMUTABLE, IMMUTABLE])

      expect(await trail()).toEqual(before)
    })

    it('cannot delete an entry, by id or in bulk', async () => {
      const before = await trail()

      const byId = await rejectionOf(
        t.payload.delete({ collection: 'audit-entries', id: entry.id, overrideAccess: true }),
      )
      expect(byId).toMatchObject({ status: 403, message: IMMUTABLE })

      const bulk = await t.payload.delete({
        collection: 'audit-entries',
        where: { id: { exists: true } },
        overrideAccess: true,
      })
      expect(bulk.docs).toEqual([])
      expect(bulk.errors).toHaveLength(before.length)

      expect(await trail()).toEqual(before)
    })

    it('cannot change an entry as a signed-in admin either', async () => {
      const before = await trail()
      const refusal = await rejectionOf(
        t.payload.update({
          collection: 'audit-entries',
          id: entry.id,
          data: { to: 'trash' },
          user: staff.admin,
          overrideAccess: true,
        }),
      )
      expect(refusal).toMatchObject({ status: 403, message: IMMUTABLE })
      expect(await trail()).toEqual(before)
    })
  })
})

describe('audit.read', () => {
  describe.each(['admin', 'moderator'] as const)('as %s', (role) => {
    it('lists and filters entries over REST, GraphQL and the Local API', async () => {
      const rest = await api.call<Docs<AuditEntry>>(
        'GET',
        `/audit-entries?where[actorName][equals]=${encodeURIComponent(staff.moderator.email)}&limit=100`,
        restAuth(staff, role),
      )
      expect(rest.status).toBe(200)
      expect(rest.body.docs.map(({ id }) => id)).toContain(entry.id)
      expect(rest.body.docs.every((doc) => doc.actorName === staff.moderator.email)).toBe(true)

      const gql = await api.graphql<{ AuditEntries: { docs: { id: number; reason: string }[] } }>(
        `{ AuditEntries(where: { action: { equals: comment_status } }, limit: 100) { docs { id reason } } }`,
        restAuth(staff, role),
      )
      expect(gql.body.errors).toBeUndefined()
      expect(gql.body.data?.AuditEntries.docs).toContainEqual({ id: entry.id, reason: 'On topic' })

      const local = await t.payload.findByID({
        collection: 'audit-entries',
        id: entry.id,
        ...localAuth(staff, role),
      })
      expect(local).toMatchObject({ from: 'pending', to: 'approved', reason: 'On topic' })
    })
  })

  describe.each(['editor', 'author', 'anonymous'] as const)('as %s', (caller) => {
    it('cannot read entries over REST, GraphQL or the Local API', async () => {
      const list = await api.call('GET', '/audit-entries', restAuth(staff, caller))
      expect(list.status).toBe(403)
      const one = await api.call('GET', `/audit-entries/${entry.id}`, restAuth(staff, caller))
      expect(one.status).toBe(403)

      const gql = await api.graphql(`{ AuditEntries { docs { id } } }`, restAuth(staff, caller))
      expect(gql.body.data?.AuditEntries ?? null).toBeNull()
      expect(gql.body.errors?.[0].message).toMatch(/not allowed/i)

      const local = await rejectionOf(
        t.payload.find({ collection: 'audit-entries', ...localAuth(staff, caller) }),
      )
      expect(local.status).toBe(403)
    })

    it("does not see a comment's history", async () => {
      const comment = await createComment(t.payload, post, { status: 'approved' })
      const rest = await api.call<Comment>(
        'GET',
        `/comments/${comment.id}`,
        restAuth(staff, caller),
      )
      expect(rest.status).toBe(200)
      expect(rest.body).not.toHaveProperty('history')
    })
  })
})

describe('audit.threads', () => {
  type ThreadAnswer = { id: number; commentStatus: string } & Refusal

  function setThread(caller: Caller, id: number, json: unknown) {
    return api.call<ThreadAnswer>('POST', `/posts/${id}/thread`, {
      ...restAuth(staff, caller),
      json,
    })
  }
  const entriesOfPost = (id: number) =>
    auditEntries(t.payload, {
      post: { equals: id },
      action: { in: ['thread-close', 'thread-open'] },
    })

  it.each(['moderator', 'editor', 'admin'] as const)(
    'records the %s closing and reopening a thread, with the reason',
    async (role) => {
      const target = await createPost(t.payload)
      expect(
        (await setThread(role, target.id, { status: 'closed', reason: 'Off-topic flood' })).status,
      ).toBe(200)
      expect(
        (await setThread(role, target.id, { status: 'open', reason: 'Discussion resumes' })).status,
      ).toBe(200)

      const entries = await entriesOfPost(target.id)
      expect(entries).toHaveLength(2)
      expect(entries[0]).toMatchObject({
        action: 'thread-close',
        targetType: 'post',
        targetId: String(target.id),
        targetLabel: target.title,
        from: 'open',
        to: 'closed',
        reason: 'Off-topic flood',
        actorType: 'user',
        actor: staff[role].id,
        actorName: staff[role].email,
      })
      expect(entries[1]).toMatchObject({
        action: 'thread-open',
        from: 'closed',
        to: 'open',
        reason: 'Discussion resumes',
        actorName: staff[role].email,
      })
    },
  )

  it('records nothing when the thread already has that status', async () => {
    const target = await createPost(t.payload)
    await setThread('moderator', target.id, { status: 'open' })
    expect(await entriesOfPost(target.id)).toEqual([])
  })

  it('records each post closed through the bulk endpoint', async () => {
    const targets = [await createPost(t.payload), await createPost(t.payload)]
    const res = await api.call<{ results: { id: number }[]; errors: unknown[] }>(
      'POST',
      '/posts/thread',
      {
        ...restAuth(staff, 'moderator'),
        json: { ids: targets.map(({ id }) => id), status: 'closed', reason: 'Election period' },
      },
    )
    expect(res.status).toBe(200)
    expect(res.body.errors).toEqual([])
    for (const target of targets) {
      const entries = await entriesOfPost(target.id)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({
        action: 'thread-close',
        from: 'open',
        to: 'closed',
        reason: 'Election period',
        actorName: staff.moderator.email,
      })
    }
  })

  it('records archiving a post as closing its thread', async () => {
    const target = await createPost(t.payload)
    const res = await api.call('PATCH', `/posts/${target.id}`, {
      ...restAuth(staff, 'editor'),
      json: { archived: true },
    })
    expect(res.status).toBe(200)
    const entries = await entriesOfPost(target.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'thread-close',
      from: 'open',
      to: 'closed',
      reason: 'The post was archived.',
      actorName: staff.editor.email,
    })
  })

  it('records nothing for a refused thread change', async () => {
    const target = await createPost(t.payload)
    const audits = await auditCount(t.payload)
    expect((await setThread('author', target.id, { status: 'closed' })).status).toBe(403)
    expect((await setThread('anonymous', target.id, { status: 'closed' })).status).toBe(401)
    expect(await auditCount(t.payload)).toBe(audits)
  })
})

describe('audit.settings', () => {
  afterEach(async () => {
    await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
  })

  it('lists only the changed fields on the first save of a fresh site', async () => {
    // Nothing in this file saves the settings before this test.
    expect(await auditEntries(t.payload, { action: { equals: 'settings-change' } })).toEqual([])
    const res = await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'admin'),
      json: { siteName: 'Water Office Blog' },
    })
    expect(res.status).toBe(200)
    const entries = await auditEntries(t.payload, { action: { equals: 'settings-change' } })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      summary: 'Site settings changed: siteName',
      from: 'Agency Blog',
      to: 'Water Office Blog',
      details: { changes: { siteName: { from: 'Agency Blog', to: 'Water Office Blog' } } },
      actorName: staff.admin.email,
    })
  })

  it('records from and to for every field a settings change touches', async () => {
    await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
    const audits = await auditCount(t.payload)
    const res = await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'admin'),
      json: { moderationMode: 'all', linkLimit: 5 },
    })
    expect(res.status).toBe(200)

    const entries = await auditEntries(t.payload, { action: { equals: 'settings-change' } })
    expect(await auditCount(t.payload)).toBe(audits + 1)
    expect(entries.at(-1)).toMatchObject({
      targetType: 'settings',
      targetId: 'site-settings',
      summary: 'Site settings changed: moderationMode, linkLimit',
      actorType: 'user',
      actor: staff.admin.id,
      actorName: staff.admin.email,
      from: 'moderationMode: first-time; linkLimit: 2',
      to: 'moderationMode: all; linkLimit: 5',
      details: {
        changes: {
          moderationMode: { from: 'first-time', to: 'all' },
          linkLimit: { from: 2, to: 5 },
        },
      },
    })
  })

  it('shows from -> to on the entry when one field changed', async () => {
    await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
    await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'admin'),
      json: { disallowedWords: 'casino' },
    })
    const entries = await auditEntries(t.payload, { action: { equals: 'settings-change' } })
    expect(entries.at(-1)).toMatchObject({
      summary: 'Site settings changed: disallowedWords',
      from: '',
      to: 'casino',
      details: { changes: { disallowedWords: { from: '', to: 'casino' } } },
    })
  })

  it('records nothing for a save that changes nothing', async () => {
    await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
    const audits = await auditCount(t.payload)
    const res = await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'admin'),
      json: { moderationMode: DISCUSSION_DEFAULTS.moderationMode },
    })
    expect(res.status).toBe(200)
    expect(await auditCount(t.payload)).toBe(audits)
  })

  it.each(['moderator', 'editor'] as const)(
    'records nothing for a refused change by the %s',
    async (caller) => {
      const audits = await auditCount(t.payload)
      const res = await api.call('POST', '/globals/site-settings', {
        ...restAuth(staff, caller),
        json: { moderationMode: 'none' },
      })
      expect(res.status).toBe(403)
      expect(await auditCount(t.payload)).toBe(audits)
    },
  )
})

describe('audit.commentDelete', () => {
  it('records an admin deleting a comment, keeping its text and fields', async () => {
    const comment = await createComment(t.payload, post, {
      status: 'spam',
      authorName: `Deleted ${unique()}`,
      authorEmail: 'deleted@example.org',
      authorUrl: 'https://example.org/me',
      body: 'The words that must outlive the row.',
      statusReason: 'Akismet: spam',
      ip: '198.51.100.23',
    })
    const res = await api.call('DELETE', `/comments/${comment.id}`, restAuth(staff, 'admin'))
    expect(res.status).toBe(200)
    expect((await storedDoc(t.payload, 'comments', comment.id)).doc).toBeNull()

    const [deletion] = await auditEntries(t.payload, {
      action: { equals: 'comment-delete' },
      targetId: { equals: String(comment.id) },
    })
    expect(deletion).toMatchObject({
      targetType: 'comment',
      targetLabel: `Comment #${comment.id} by ${comment.authorName}`,
      post: post.id,
      from: 'spam',
      to: null,
      actorType: 'user',
      actor: staff.admin.id,
      actorName: staff.admin.email,
      details: {
        authorName: comment.authorName,
        authorEmail: 'deleted@example.org',
        authorUrl: 'https://example.org/me',
        body: 'The words that must outlive the row.',
        status: 'spam',
        statusReason: 'Akismet: spam',
        post: post.id,
        parent: null,
        ip: '198.51.100.23',
        createdAt: comment.createdAt,
      },
    })
  })

  it('records nothing for a refused delete', async () => {
    const comment = await createComment(t.payload, post)
    const audits = await auditCount(t.payload)
    const res = await api.call('DELETE', `/comments/${comment.id}`, restAuth(staff, 'moderator'))
    expect(res.status).toBe(403)
    expect(await auditCount(t.payload)).toBe(audits)
  })
})

describe('audit.history', () => {
  it.each(['moderator', 'admin'] as const)(
    "lists a comment's entries, oldest first, for the %s",
    async (role) => {
      const comment = await createComment(t.payload, post, { status: 'pending' })
      for (const action of ['approve', 'spam', 'not-spam']) {
        await api.call('POST', '/comments/moderate', {
          ...restAuth(staff, 'moderator'),
          json: { ids: [comment.id], action },
        })
      }
      const expected = await auditEntriesOfComment(t.payload, comment.id)
      expect(expected.map(({ from, to }) => [from, to])).toEqual([
        [null, 'pending'],
        ['pending', 'approved'],
        ['approved', 'spam'],
        ['spam', 'approved'],
      ])

      const rest = await api.call<Comment>('GET', `/comments/${comment.id}`, restAuth(staff, role))
      expect(rest.status).toBe(200)
      expect(rest.body.history?.docs?.map((doc) => (doc as AuditEntry).id ?? doc)).toEqual(
        expected.map(({ id }) => id),
      )

      const local = await t.payload.findByID({
        collection: 'comments',
        id: comment.id,
        depth: 1,
        ...localAuth(staff, role),
      })
      expect(local.history?.docs).toEqual(
        expected.map((entry) => expect.objectContaining({ id: entry.id, to: entry.to })),
      )
    },
  )
})
