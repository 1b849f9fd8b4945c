import type { Comment, Post } from '@/payload-types'
import type { CommentStatus } from '@/comments/rules/statuses'
import { COMMENT_MESSAGES as M } from '@/comments/rules/messages'
import { sqlRows } from '@/comments/queries/sqlQuery'

import { createApiClient, type ApiClient } from '../helpers/api'
import { auditCount, auditEntries, auditEntriesOfComment } from '../helpers/auditTrail'
import { restAuth, type Caller } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import type { Refusal } from '../helpers/restBodies'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

type Moderated = {
  results: { id: number; status: CommentStatus }[]
  errors: { id: number; message: string }[]
}

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
})
afterAll(async () => {
  await t?.stop()
})

function comment(status: CommentStatus, data: Partial<Comment> = {}) {
  return createComment(t.payload, post, {
    status,
    statusReason: 'As imported',
    body: `Comment ${unique()}`,
    ...data,
  })
}

function moderate(caller: Caller, json: unknown) {
  return api.call<Moderated & Refusal>('POST', '/comments/moderate', {
    ...restAuth(staff, caller),
    json,
  })
}

const stored = async (id: number | string) => (await storedDoc(t.payload, 'comments', id)).doc!

/**
 * A stored comment's audit trail after its first entry, which records the import that
 * createComment stands for.
 */
async function trailAfterImport(id: number | string) {
  const [imported, ...rest] = await auditEntriesOfComment(t.payload, id)
  expect(imported).toMatchObject({ from: null, actorName: 'system: import' })
  return rest
}

describe('comments.moderate', () => {
  describe.each(['moderator', 'admin'] as const)('as %s', (role) => {
    it.each([
      ['approve', 'pending', null, 'approved'],
      ['approve', 'spam', 'pending', 'approved'],
      ['approve', 'trash', 'pending', 'approved'],
      ['unapprove', 'approved', 'pending', 'pending'],
      ['spam', 'pending', null, 'spam'],
      ['spam', 'approved', 'pending', 'spam'],
      ['not-spam', 'spam', 'approved', 'approved'],
      ['not-spam', 'spam', 'pending', 'pending'],
      ['not-spam', 'spam', null, 'pending'],
      ['trash', 'approved', 'pending', 'trash'],
      ['trash', 'spam', 'pending', 'trash'],
      ['restore', 'trash', 'approved', 'approved'],
      ['restore', 'trash', 'spam', 'spam'],
      ['restore', 'trash', null, 'pending'],
    ] as const)(
      '%s moves a %s comment (previously %s) to %s, on record with the reason',
      async (action, from, previous, to) => {
        const target = await comment(from, { previousStatus: previous })
        const reason = `Checked against the policy (${unique()})`

        const res = await moderate(role, { ids: [target.id], action, reason })
        expect(res.status).toBe(200)
        expect(res.body).toEqual({ results: [{ id: target.id, status: to }], errors: [] })

        const after = await stored(target.id)
        expect(after).toMatchObject({ status: to, previousStatus: from, statusReason: reason })
        expect(Date.parse(after.statusChangedAt!)).toBeGreaterThan(Date.now() - 60_000)

        const audit = await trailAfterImport(target.id)
        expect(audit).toHaveLength(1)
        expect(audit[0]).toMatchObject({
          action: 'comment-status',
          targetType: 'comment',
          targetId: String(target.id),
          post: post.id,
          actorType: 'user',
          actor: staff[role].id,
          actorName: staff[role].email,
          from,
          to,
          reason,
        })
      },
    )
  })

  it('not-spam returns a comment to the status it had before it was marked as spam', async () => {
    for (const start of ['approved', 'pending'] as const) {
      const target = await comment(start)
      await moderate('moderator', { ids: [target.id], action: 'spam' })
      expect((await stored(target.id)).status).toBe('spam')
      const res = await moderate('moderator', { ids: [target.id], action: 'not-spam' })
      expect(res.body.results).toEqual([{ id: target.id, status: start }])
      const audit = await trailAfterImport(target.id)
      expect(audit.map(({ from, to }) => [from, to])).toEqual([
        [start, 'spam'],
        ['spam', start],
      ])
    }
  })

  it('restore returns a comment to the status it had before it was trashed', async () => {
    for (const start of ['approved', 'pending', 'spam'] as const) {
      const target = await comment(start)
      await moderate('admin', { ids: [target.id], action: 'trash' })
      const res = await moderate('admin', { ids: [target.id], action: 'restore' })
      expect(res.body.results).toEqual([{ id: target.id, status: start }])
      expect((await stored(target.id)).status).toBe(start)
    }
  })

  it('records who acted when no reason is given', async () => {
    const target = await comment('pending')
    await moderate('moderator', { ids: [target.id], action: 'approve' })
    const reason = `Approved by ${staff.moderator.email}`
    expect((await stored(target.id)).statusReason).toBe(reason)
    expect((await trailAfterImport(target.id))[0].reason).toBe(reason)
  })

  it('acts on a selection, one audit entry per comment', async () => {
    const selection = await Promise.all([comment('pending'), comment('spam'), comment('trash')])
    const ids = selection.map(({ id }) => id)
    const res = await moderate('moderator', { ids, action: 'approve', reason: 'Bulk approval' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      results: ids.map((id) => ({ id, status: 'approved' })),
      errors: [],
    })
    for (const [index, id] of ids.entries()) {
      expect((await stored(id)).status).toBe('approved')
      const audit = await trailAfterImport(id)
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({
        from: selection[index].status,
        to: 'approved',
        reason: 'Bulk approval',
        actorName: staff.moderator.email,
      })
    }
  })

  it('lists an action that does not apply under errors and changes nothing of that comment', async () => {
    const trashed = await comment('trash')
    const approved = await comment('approved')
    const before = await storedDoc(t.payload, 'comments', approved.id)

    const res = await moderate('moderator', { ids: [trashed.id, approved.id], action: 'restore' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      results: [{ id: trashed.id, status: 'pending' }],
      errors: [{ id: approved.id, message: 'Only a comment in the trash can be restored' }],
    })
    expect(await storedDoc(t.payload, 'comments', approved.id)).toEqual(before)
    expect(await trailAfterImport(approved.id)).toEqual([])
  })

  it.each([
    ['restore', 'pending', 'Only a comment in the trash can be restored'],
    ['not-spam', 'approved', 'Only a comment marked as spam can be marked as not spam'],
    ['unapprove', 'pending', 'Only an approved comment can be unapproved'],
  ] as const)(
    'answers 400 when %s does not apply to the only (%s) comment; nothing changes',
    async (action, status, message) => {
      const target = await comment(status)
      const before = await storedDoc(t.payload, 'comments', target.id)
      const audits = await auditCount(t.payload)

      const res = await moderate('moderator', { ids: [target.id], action })
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ results: [], errors: [{ id: target.id, message }] })
      expect(await storedDoc(t.payload, 'comments', target.id)).toEqual(before)
      expect(await auditCount(t.payload)).toBe(audits)
    },
  )

  it('lists an unknown comment under errors', async () => {
    const target = await comment('pending')
    const res = await moderate('moderator', { ids: [999999, target.id], action: 'spam' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      results: [{ id: target.id, status: 'spam' }],
      errors: [{ id: 999999, message: 'Comment not found' }],
    })
  })

  it('leaves a comment that already has the status as it is, without an audit entry', async () => {
    const target = await comment('approved')
    const before = await storedDoc(t.payload, 'comments', target.id)
    const res = await moderate('moderator', { ids: [target.id], action: 'approve' })
    expect(res.body).toEqual({ results: [{ id: target.id, status: 'approved' }], errors: [] })
    expect(await storedDoc(t.payload, 'comments', target.id)).toEqual(before)
    expect(await trailAfterImport(target.id)).toEqual([])
  })

  describe('refusals', () => {
    it('refuses an anonymous caller with 401; nothing changes', async () => {
      const target = await comment('pending')
      const before = await storedDoc(t.payload, 'comments', target.id)
      const audits = await auditCount(t.payload)
      const res = await moderate('anonymous', { ids: [target.id], action: 'approve' })
      expect(res.status).toBe(401)
      expect(res.body).toEqual({
        errors: [{ message: 'You must be signed in to moderate comments' }],
      })
      expect(await storedDoc(t.payload, 'comments', target.id)).toEqual(before)
      expect(await auditCount(t.payload)).toBe(audits)
    })

    it.each(['editor', 'author'] as const)(
      'refuses the %s with 403; nothing changes',
      async (caller) => {
        const target = await comment('pending')
        const before = await storedDoc(t.payload, 'comments', target.id)
        const audits = await auditCount(t.payload)
        for (const action of ['approve', 'spam', 'trash']) {
          const res = await moderate(caller, { ids: [target.id], action })
          expect(res.status).toBe(403)
          expect(res.body).toEqual({
            errors: [{ message: 'Only moderators and admins can moderate comments' }],
          })
        }
        expect(await storedDoc(t.payload, 'comments', target.id)).toEqual(before)
        expect(await auditCount(t.payload)).toBe(audits)
      },
    )

    it.each([
      ['an unknown action', { action: 'delete' }, 'action'],
      ['no action', { action: undefined }, 'action'],
      ['no ids', { ids: undefined }, 'ids'],
      ['an empty list of ids', { ids: [] }, 'ids'],
      ['ids that are not a list', { ids: 'all' }, 'ids'],
      ['ids that are objects', { ids: [{ id: 1 }] }, 'ids'],
      ['more than 500 ids', { ids: Array.from({ length: 501 }, (_, i) => i + 1) }, 'ids'],
      ['a reason that is not text', { reason: 42 }, 'reason'],
      ['a reason over 500 characters', { reason: 'r'.repeat(501) }, 'reason'],
    ])('answers 400 for %s, naming the field; nothing changes', async (_, change, path) => {
      const target = await comment('pending')
      const before = await storedDoc(t.payload, 'comments', target.id)
      const audits = await auditCount(t.payload)
      const res = await moderate('moderator', { ids: [target.id], action: 'approve', ...change })
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ errors: [{ path, message: expect.any(String) }] })
      expect(await storedDoc(t.payload, 'comments', target.id)).toEqual(before)
      expect(await auditCount(t.payload)).toBe(audits)
    })

    it('answers 400 for a body that is not JSON', async () => {
      const { REST_POST } = await import('@payloadcms/next/routes')
      const { default: config } = await import('@payload-config')
      const response = await REST_POST(config)(
        new Request('http://localhost:3000/api/comments/moderate', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `JWT ${staff.moderator.token}`,
          },
          body: '{not json',
        }),
        { params: Promise.resolve({ slug: ['comments', 'moderate'] }) },
      )
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ errors: [{ message: 'Send a JSON object.' }] })
    })
  })
})

describe('comments.reply', () => {
  function reply(caller: Caller, id: number | string, json: unknown) {
    return api.call<{ id: number; status: string } & Refusal>('POST', `/comments/${id}/reply`, {
      ...restAuth(staff, caller),
      json,
    })
  }

  it('approves a pending comment first, then publishes the reply; both are on record', async () => {
    const parent = await comment('pending')
    const body = `Thanks, we have fixed the link (${unique()}).`

    const res = await reply('moderator', parent.id, { body })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ id: expect.anything(), status: 'approved' })

    expect(await stored(parent.id)).toMatchObject({
      status: 'approved',
      previousStatus: 'pending',
      statusReason: `Approved by ${staff.moderator.email} when replying`,
    })
    expect(await stored(res.body.id)).toMatchObject({
      post: post.id,
      parent: parent.id,
      body,
      status: 'approved',
      statusReason: 'Posted by signed-in staff (moderator)',
      authorName: staff.moderator.name,
      authorEmail: staff.moderator.email,
      submittedBy: staff.moderator.id,
    })

    const parentAudit = await trailAfterImport(parent.id)
    expect(parentAudit).toHaveLength(1)
    expect(parentAudit[0]).toMatchObject({
      from: 'pending',
      to: 'approved',
      reason: `Approved by ${staff.moderator.email} when replying`,
      actorName: staff.moderator.email,
    })
    const replyAudit = await auditEntriesOfComment(t.payload, res.body.id)
    expect(replyAudit).toHaveLength(1)
    expect(replyAudit[0]).toMatchObject({
      from: null,
      to: 'approved',
      reason: 'Posted by signed-in staff (moderator)',
      actorName: staff.moderator.email,
    })
    // The approval comes first.
    const both = await auditEntries(t.payload, { comment: { in: [parent.id, res.body.id] } })
    expect(both.map((entry) => entry.id).slice(-2)).toEqual([parentAudit[0].id, replyAudit[0].id])
  })

  it('leaves an approved comment as it is', async () => {
    const parent = await comment('approved')
    const before = await storedDoc(t.payload, 'comments', parent.id)
    const res = await reply('admin', parent.id, { body: `Noted (${unique()}).` })
    expect(res.status).toBe(201)
    expect(await storedDoc(t.payload, 'comments', parent.id)).toEqual(before)
    expect(await trailAfterImport(parent.id)).toEqual([])
  })

  it('refuses a blank reply with 400 and leaves the pending comment as it was', async () => {
    const parent = await comment('pending')
    const before = await storedDoc(t.payload, 'comments', parent.id)
    const comments = await storedCount(t.payload, 'comments')
    const audits = await auditCount(t.payload)

    const res = await reply('moderator', parent.id, { body: '   ' })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ errors: [{ path: 'body', message: M.bodyRequired }] })

    expect(await storedDoc(t.payload, 'comments', parent.id)).toEqual(before)
    expect(await storedCount(t.payload, 'comments')).toBe(comments)
    expect(await auditCount(t.payload)).toBe(audits)
  })

  it('refuses a reply on a closed thread with 403 and leaves the pending comment as it was', async () => {
    const closedPost = await createPost(t.payload, { commentStatus: 'closed' })
    const parent = await createComment(t.payload, closedPost, { status: 'pending' })
    const before = await storedDoc(t.payload, 'comments', parent.id)
    const comments = await storedCount(t.payload, 'comments')

    const res = await reply('moderator', parent.id, { body: `Too late (${unique()}).` })
    expect(res.status).toBe(403)
    expect(res.body).toEqual({ errors: [{ message: M.closed }] })
    expect(await storedDoc(t.payload, 'comments', parent.id)).toEqual(before)
    expect(await storedCount(t.payload, 'comments')).toBe(comments)
  })

  it('refuses a reply to spam (400); nothing is stored', async () => {
    const parent = await comment('spam')
    const before = await storedDoc(t.payload, 'comments', parent.id)
    const comments = await storedCount(t.payload, 'comments')
    const res = await reply('moderator', parent.id, { body: `Hello (${unique()}).` })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ errors: [{ path: 'parent', message: M.parentInvalid }] })
    expect(await storedDoc(t.payload, 'comments', parent.id)).toEqual(before)
    expect(await storedCount(t.payload, 'comments')).toBe(comments)
  })

  it('answers 404 for an unknown comment', async () => {
    const res = await reply('moderator', 999999, { body: 'Hello.' })
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ errors: [{ message: 'Comment not found' }] })
  })

  it.each([
    ['anonymous', 401],
    ['editor', 403],
    ['author', 403],
  ] as const)('refuses the %s (%i); nothing changes', async (caller, status) => {
    const parent = await comment('pending')
    const before = await storedDoc(t.payload, 'comments', parent.id)
    const comments = await storedCount(t.payload, 'comments')
    const res = await reply(caller, parent.id, { body: `Hello (${unique()}).` })
    expect(res.status).toBe(status)
    expect(await storedDoc(t.payload, 'comments', parent.id)).toEqual(before)
    expect(await storedCount(t.payload, 'comments')).toBe(comments)
  })
})

describe('comments.moderationCounts', () => {
  type Counts = Record<CommentStatus | 'all', number>

  it('counts the comments of each status, and all of them', async () => {
    const read = async () =>
      (await api.call<Counts>('GET', '/comments/moderation-counts', restAuth(staff, 'moderator')))
        .body
    const before = await read()
    const added = { pending: 3, approved: 2, spam: 1, trash: 4 }
    for (const [status, n] of Object.entries(added) as [CommentStatus, number][]) {
      for (let i = 0; i < n; i++) await comment(status)
    }
    const after = await read()
    expect(after).toEqual({
      pending: before.pending + 3,
      approved: before.approved + 2,
      spam: before.spam + 1,
      trash: before.trash + 4,
      all: before.all + 10,
    })
    for (const status of ['pending', 'approved', 'spam', 'trash'] as const) {
      const { totalDocs } = await t.payload.count({
        collection: 'comments',
        where: { status: { equals: status } },
      })
      expect(after[status]).toBe(totalDocs)
    }
    expect(after.all).toBe(await storedCount(t.payload, 'comments'))
  })

  it('keeps the stored counts in step with status changes, deletes and rows changed in SQL', async () => {
    const read = async () =>
      (await api.call<Counts>('GET', '/comments/moderation-counts', restAuth(staff, 'moderator')))
        .body
    const [held, shown, junk] = [
      await comment('pending'),
      await comment('approved'),
      await comment('spam'),
    ]
    const approve = await api.call('PATCH', `/comments/${held.id}`, {
      ...restAuth(staff, 'moderator'),
      json: { status: 'approved' },
    })
    expect(approve.status).toBe(200)
    await t.payload.delete({ collection: 'comments', id: junk.id })
    // A change made outside Payload (a database console, a script) is counted too.
    const changedInSql = await sqlRows(
      t.payload,
      (sql) => sql`UPDATE comments SET status = 'trash' WHERE id = ${shown.id}`,
    )
    const counts = await read()
    for (const status of ['pending', 'approved', 'spam', 'trash'] as const) {
      const { totalDocs } = await t.payload.count({
        collection: 'comments',
        where: { status: { equals: status } },
      })
      expect([status, counts[status]]).toEqual([status, totalDocs])
    }
    expect(counts.all).toBe(await storedCount(t.payload, 'comments'))
    if (changedInSql) {
      // SQL databases: the counts are the stored ones, not a count over the comments.
      const stored = await sqlRows(
        t.payload,
        (sql) => sql`SELECT status, n FROM comment_status_counts`,
      )
      const byStatus = Object.fromEntries(stored!.map((row) => [row.status, Number(row.n)]))
      expect(byStatus).toEqual({
        pending: counts.pending,
        approved: counts.approved,
        spam: counts.spam,
        trash: counts.trash,
      })
    }
  })

  it('answers the admin too', async () => {
    const res = await api.call<Counts>(
      'GET',
      '/comments/moderation-counts',
      restAuth(staff, 'admin'),
    )
    expect(res.status).toBe(200)
    expect(res.body.all).toBe(await storedCount(t.payload, 'comments'))
  })

  it.each([
    ['anonymous', 401],
    ['editor', 403],
    ['author', 403],
  ] as const)('refuses the %s (%i)', async (caller, status) => {
    const res = await api.call('GET', '/comments/moderation-counts', restAuth(staff, caller))
    expect(res.status).toBe(status)
    expect(res.body).toEqual({ errors: [{ message: expect.any(String) }] })
  })
})

describe('comments.update', () => {
  it("records a status change made through Payload's own PATCH /api/comments/:id", async () => {
    const target = await comment('pending')
    const res = await api.call('PATCH', `/comments/${target.id}`, {
      ...restAuth(staff, 'moderator'),
      json: { status: 'spam' },
    })
    expect(res.status).toBe(200)
    const reason = `Marked as spam by ${staff.moderator.email}`
    expect(await stored(target.id)).toMatchObject({
      status: 'spam',
      previousStatus: 'pending',
      statusReason: reason,
    })
    const audit = await trailAfterImport(target.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      action: 'comment-status',
      from: 'pending',
      to: 'spam',
      reason,
      actorName: staff.moderator.email,
      actor: staff.moderator.id,
    })
  })

  it('records the reason sent with the status', async () => {
    const target = await comment('pending')
    await api.call('PATCH', `/comments/${target.id}`, {
      ...restAuth(staff, 'admin'),
      json: { status: 'approved', statusReason: 'On topic and civil' },
    })
    const audit = await trailAfterImport(target.id)
    expect(audit[0]).toMatchObject({
      from: 'pending',
      to: 'approved',
      reason: 'On topic and civil',
      actorName: staff.admin.email,
    })
  })

  it('records nothing for a save that leaves the status as it was', async () => {
    const target = await comment('approved')
    const res = await api.call('PATCH', `/comments/${target.id}`, {
      ...restAuth(staff, 'moderator'),
      json: { status: 'approved' },
    })
    expect(res.status).toBe(200)
    expect(await trailAfterImport(target.id)).toEqual([])
  })

  it.each([
    ['authorName', 'Someone Else'],
    ['authorEmail', 'changed@example.com'],
    ['authorUrl', 'https://elsewhere.example/'],
    ['body', 'Words the reader never wrote.'],
  ])(
    "refuses a moderator changing the reader's %s (403); nothing changes, nothing is recorded",
    async (field, value) => {
      const target = await comment('pending')
      const before = await storedDoc(t.payload, 'comments', target.id)
      const audits = await auditCount(t.payload)
      const res = await api.call<Refusal>('PATCH', `/comments/${target.id}`, {
        ...restAuth(staff, 'moderator'),
        json: { [field]: value, status: 'approved' },
      })
      expect(res.status).toBe(403)
      expect(res.body.errors[0].message).toBe(
        `A reader's comment cannot be edited; change its status instead (field: ${field})`,
      )
      expect(await storedDoc(t.payload, 'comments', target.id)).toEqual(before)
      expect(await auditCount(t.payload)).toBe(audits)
    },
  )
})
