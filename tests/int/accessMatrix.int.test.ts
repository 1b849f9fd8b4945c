/**
 * The access matrix: what an anonymous reader and each staff role may create, read, update and
 * delete in every collection and in the site settings, checked cell by cell over REST, GraphQL and
 * the Local API (`overrideAccess: false` with the caller's user); refused writes must leave the
 * stored data as it was. ACCESS_MATRIX is the specification, OUTCOMES its legend.
 *
 * PRIVATE_FIELDS says which fields only some callers may read. Everyone else must not get them
 * through any API, in a document read directly or populated anywhere in an answer at depth 5
 * (looked for by name and by value), nor learn them by filtering on them.
 *
 * docs/security-access-matrix.md shows the same tables; the last tests check that it still does.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug } from 'payload'

import { ROLES, type Role } from '@/access/roles'
import { HONEYPOT_FIELD } from '@/comments/rules/honeypot'
import type { Author, Comment, Post, User } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { localAuth, restAuth, type Caller } from '../helpers/callers'
import {
  CHANNELS,
  createChannels,
  type Answer,
  type Channel,
  type ChannelName,
  type Id,
  type Upload,
} from '../helpers/channels'
import {
  createAuthor,
  createComment,
  createPost,
  createStaff,
  simpleBody,
  TEST_PASSWORD,
  unique,
  type Staff,
} from '../helpers/factories'
import { tinyPng } from '../helpers/images'
import type { Docs } from '../helpers/restBodies'
import { setSiteSettings } from '../helpers/siteSettings'
import { storedCount, storedDoc, storedGlobal } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/** What a caller may do; the legend of the table in docs/security-access-matrix.md. */
export const OUTCOMES = {
  allowed: 'any document',
  denied: 'refused (403; over GraphQL, null and an error); nothing is stored or changed',
  'own only': 'their own staff account, or the author profile linked to it; any other is refused',
  'published only': 'published posts; a draft is not found (404)',
  'approved only': 'approved comments, without their private fields; any other is not found (404)',
  'drafts only': 'as a draft; creating it published is refused (403) and nothing is stored',
  'own drafts only':
    "the posts they started, saved as drafts; publishing or another's post is refused",
  held: 'accepted and held for moderation (pending), whatever status it asks for',
  'status only':
    "the status; a change to the reader's name, email, website or text is refused (403)",
  'n/a': 'no such operation: the global is only read and updated',
} as const
export type Outcome = keyof typeof OUTCOMES

export const RESOURCES = [
  'posts',
  'authors',
  'categories',
  'redirects',
  'comments',
  'audit-entries',
  'media',
  'users',
  'site-settings',
] as const
export type Resource = (typeof RESOURCES)[number]
export type MatrixRow = readonly [Resource, Caller, Outcome, Outcome, Outcome, Outcome]
const OPERATIONS = ['create', 'read', 'update', 'delete'] as const
type Operation = (typeof OPERATIONS)[number]

// prettier-ignore
export const ACCESS_MATRIX: readonly MatrixRow[] = [
  // resource        caller        create         read              update             delete
  ['posts',          'anonymous',  'denied',      'published only', 'denied',          'denied'],
  ['posts',          'admin',      'allowed',     'allowed',        'allowed',         'allowed'],
  ['posts',          'editor',     'allowed',     'allowed',        'allowed',         'allowed'],
  ['posts',          'author',     'drafts only', 'allowed',        'own drafts only', 'denied'],
  ['posts',          'moderator',  'denied',      'allowed',        'denied',          'denied'],
  ['authors',        'anonymous',  'denied',      'allowed',        'denied',          'denied'],
  ['authors',        'admin',      'allowed',     'allowed',        'allowed',         'allowed'],
  ['authors',        'editor',     'allowed',     'allowed',        'allowed',         'allowed'],
  ['authors',        'author',     'denied',      'allowed',        'own only',        'denied'],
  ['authors',        'moderator',  'denied',      'allowed',        'own only',        'denied'],
  ['categories',     'anonymous',  'denied',      'allowed',        'denied',          'denied'],
  ['categories',     'admin',      'allowed',     'allowed',        'allowed',         'allowed'],
  ['categories',     'editor',     'allowed',     'allowed',        'allowed',         'allowed'],
  ['categories',     'author',     'denied',      'allowed',        'denied',          'denied'],
  ['categories',     'moderator',  'denied',      'allowed',        'denied',          'denied'],
  ['redirects',      'anonymous',  'denied',      'allowed',        'denied',          'denied'],
  ['redirects',      'admin',      'allowed',     'allowed',        'allowed',         'allowed'],
  ['redirects',      'editor',     'allowed',     'allowed',        'allowed',         'allowed'],
  ['redirects',      'author',     'denied',      'allowed',        'denied',          'denied'],
  ['redirects',      'moderator',  'denied',      'allowed',        'denied',          'denied'],
  ['comments',       'anonymous',  'held',        'approved only',  'denied',          'denied'],
  ['comments',       'admin',      'allowed',     'allowed',        'status only',     'allowed'],
  ['comments',       'editor',     'allowed',     'approved only',  'denied',          'denied'],
  ['comments',       'author',     'allowed',     'approved only',  'denied',          'denied'],
  ['comments',       'moderator',  'allowed',     'allowed',        'status only',     'denied'],
  ['audit-entries',  'anonymous',  'denied',      'denied',         'denied',          'denied'],
  ['audit-entries',  'admin',      'denied',      'allowed',        'denied',          'denied'],
  ['audit-entries',  'editor',     'denied',      'denied',         'denied',          'denied'],
  ['audit-entries',  'author',     'denied',      'denied',         'denied',          'denied'],
  ['audit-entries',  'moderator',  'denied',      'allowed',        'denied',          'denied'],
  ['media',          'anonymous',  'denied',      'allowed',        'denied',          'denied'],
  ['media',          'admin',      'allowed',     'allowed',        'allowed',         'allowed'],
  ['media',          'editor',     'allowed',     'allowed',        'allowed',         'allowed'],
  ['media',          'author',     'allowed',     'allowed',        'allowed',         'denied'],
  ['media',          'moderator',  'denied',      'allowed',        'denied',          'denied'],
  ['users',          'anonymous',  'denied',      'denied',         'denied',          'denied'],
  ['users',          'admin',      'allowed',     'allowed',        'allowed',         'allowed'],
  ['users',          'editor',     'denied',      'own only',       'own only',        'denied'],
  ['users',          'author',     'denied',      'own only',       'own only',        'denied'],
  ['users',          'moderator',  'denied',      'own only',       'own only',        'denied'],
  ['site-settings',  'anonymous',  'n/a',         'allowed',        'denied',          'n/a'],
  ['site-settings',  'admin',      'n/a',         'allowed',        'allowed',         'n/a'],
  ['site-settings',  'editor',     'n/a',         'allowed',        'denied',          'n/a'],
  ['site-settings',  'author',     'n/a',         'allowed',        'denied',          'n/a'],
  ['site-settings',  'moderator',  'n/a',         'allowed',        'denied',          'n/a'],
]

/** A comment's contact and request data, its spam check and its moderation record. */
const COMMENT_PRIVATE = [
  'authorEmail',
  'ip',
  'userAgent',
  'referrer',
  'statusReason',
  'statusRule',
  'previousStatus',
  'statusChangedAt',
  'submittedBy',
  HONEYPOT_FIELD,
  'spamCheck',
  'history',
]
/** What Payload keeps on a staff account for signing in; no API should ever answer it. */
const PASSWORD_FIELDS = [
  'hash',
  'salt',
  'password',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
]
const CALLERS = ['anonymous', ...ROLES] as const
const STAFF: readonly Caller[] = ROLES
const MODERATORS: readonly Caller[] = ['admin', 'moderator']

export type PrivateRow = readonly [where: string, fields: string[], readers: readonly Caller[]]

// prettier-ignore
export const PRIVATE_FIELDS: readonly PrivateRow[] = [
  // where                       fields                                   who may read them
  ['comments',                   COMMENT_PRIVATE,                         MODERATORS],
  ['posts',                      ['createdBy', 'commentsClosedBy'],       STAFF],
  ['authors',                    ['user'],                                STAFF],
  ['users (another account)',    ['email', 'role'],                       ['admin']],
  ['users (any account)',        PASSWORD_FIELDS,                         []],
  ['site-settings',              ['moderationWords', 'disallowedWords'],  MODERATORS],
  ['audit-entries',              ['actorName', 'summary', 'details'],     MODERATORS],
]

let t: TestPayload
let api: ApiClient
let channels: Channel[]
let staff: Staff
let png: Buffer
/** Another staff account: it started `privatePost` and is linked to `linkedProfile`. */
let writer: User
let linkedProfile: Author
let ownProfiles: Partial<Record<Role, Author>>
let openPost: Post
let privatePost: Post
let privateComment: Comment
let privateReply: Comment
let pendingComment: Comment
let replyToPending: Comment
let privateAudit: { id: Id }
/** Private values in the fixtures: never in an answer to a caller who may not read them. */
let commenterSecrets: string[]
let wordLists: string[]
let auditSecret: string
let passwordSecrets: string[]

const channel = (name: ChannelName) => channels.find((one) => one.name === name)!

// Starting Payload and making the fixtures takes longer than intTimeout's 30 s on a busy machine.
beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  channels = await createChannels(t.payload, staff)
  png = await tinyPng()
  wordLists = [`moderate-${unique()}`, `disallow-${unique()}`]
  await setSiteSettings(t.payload, {
    // The tests' anonymous comments come from one address faster than the flood interval.
    floodIntervalSeconds: 0,
    moderationWords: wordLists[0],
    disallowedWords: wordLists[1],
  })

  writer = await t.payload.create({
    collection: 'users',
    data: {
      email: `writer-${unique()}@example.gov`,
      password: TEST_PASSWORD,
      name: 'Writer',
      role: 'author',
    },
  })
  const photo = await createMedia()
  linkedProfile = await createAuthor(t.payload, { user: writer.id, photo: photo.id })
  ownProfiles = {
    author: await createAuthor(t.payload, { user: staff.author.id }),
    moderator: await createAuthor(t.payload, { user: staff.moderator.id }),
  }
  const category = await t.payload.create({
    collection: 'categories',
    data: { title: `Topic ${unique()}` } as never,
  })
  openPost = await createPost(t.payload, { authors: [linkedProfile.id] })
  privatePost = await createPost(t.payload, {
    authors: [linkedProfile.id],
    categories: [category.id],
    createdBy: writer.id,
    commentStatus: 'closed',
    commentsClosedBy: writer.id,
  })

  const secret = unique()
  commenterSecrets = [
    `commenter-${secret}@example.com`,
    `198.51.100.${(parseInt(secret, 16) % 250) + 1}`,
    `PrivateAgent/${secret}`,
    `https://referrer.example/${secret}`,
    `Private reason ${secret}`,
    `honeypot ${secret}`,
  ]
  const [authorEmail, ip, userAgent, referrer, statusReason, honeypot] = commenterSecrets
  const privateData = (data: Partial<Comment>) =>
    createComment(t.payload, privatePost, {
      authorEmail,
      ip,
      userAgent,
      referrer,
      statusReason,
      statusRule: 'staff',
      previousStatus: 'pending',
      statusChangedAt: new Date().toISOString(),
      submittedBy: staff.moderator.id,
      [HONEYPOT_FIELD]: honeypot,
      spamCheck: { verdict: 'ham', checkedAt: new Date().toISOString(), details: { secret } },
      ...data,
    })
  privateComment = await privateData({ status: 'approved' })
  privateReply = await privateData({ status: 'approved', parent: privateComment.id })
  pendingComment = await privateData({ status: 'pending' })
  replyToPending = await privateData({ status: 'approved', parent: pendingComment.id })

  auditSecret = `Private summary ${unique()}`
  privateAudit = await t.payload.create({
    collection: 'audit-entries',
    data: {
      action: 'comment-status',
      summary: auditSecret,
      actorType: 'user',
      actor: staff.moderator.id,
      actorName: staff.moderator.email,
      targetType: 'comment',
      targetId: String(privateComment.id),
      comment: privateComment.id,
      post: privatePost.id,
      details: { note: auditSecret },
    },
  })

  const accounts = await t.payload.find({
    collection: 'users',
    showHiddenFields: true,
    pagination: false,
  })
  passwordSecrets = accounts.docs.flatMap((account) => {
    const { hash, salt } = account as User & { hash: string; salt: string }
    return [hash, salt]
  })
}, 90_000)
afterAll(async () => {
  // Uploads are written to the project's media/ folder; deleting the documents removes the files.
  if (t) await t.payload.delete({ collection: 'media', where: { id: { exists: true } } })
  await t?.stop()
})

function pngUpload(): Upload {
  return { bytes: png, type: 'image/png', name: `matrix-${unique()}.png` }
}

function createMedia() {
  const file = pngUpload()
  return t.payload.create({
    collection: 'media',
    data: { alt: 'A test image' },
    file: { data: file.bytes, mimetype: file.type, name: file.name, size: file.bytes.length },
  })
}

/**
 * How to exercise one collection: documents made by the server (past access control) for a test
 * to act on, data for a create, and a change for an update.
 */
type Subject = {
  collection: CollectionSlug
  /** A document every caller who may read the collection sees. */
  visible: () => Promise<{ id: Id }>
  /** One only the fuller readers see: a draft, a pending comment. */
  hidden?: () => Promise<{ id: Id }>
  /** The caller's own: their account, the profile linked to it, a draft they started. */
  own?: (role: Role) => Promise<{ id: Id }>
  create: () => { data: Record<string, unknown>; file?: Upload }
  change: () => Record<string, unknown>
}

const SUBJECTS: Record<Exclude<Resource, 'site-settings'>, Subject> = {
  posts: {
    collection: 'posts',
    visible: () => createPost(t.payload, { authors: [linkedProfile.id], createdBy: writer.id }),
    hidden: () => createPost(t.payload, { authors: [linkedProfile.id], _status: 'draft' }),
    own: (role) =>
      createPost(t.payload, {
        authors: [linkedProfile.id],
        createdBy: staff[role].id,
        _status: 'draft',
      }),
    create: () => ({
      data: {
        title: `Matrix ${unique()}`,
        // GraphQL's input types require what Payload fills in elsewhere (slug, defaults).
        slug: `matrix-${unique()}`,
        body: simpleBody(),
        authors: [linkedProfile.id],
        commentStatus: 'open',
      },
    }),
    change: () => ({ title: `Changed ${unique()}` }),
  },
  authors: {
    collection: 'authors',
    visible: () => createAuthor(t.payload),
    own: async (role) => ownProfiles[role]!,
    create: () => ({ data: { name: `Official ${unique()}`, slug: `official-${unique()}` } }),
    change: () => ({ bio: `Changed ${unique()}` }),
  },
  categories: {
    collection: 'categories',
    visible: () =>
      t.payload.create({ collection: 'categories', data: { title: `Topic ${unique()}` } as never }),
    create: () => ({ data: { title: `Topic ${unique()}`, slug: `topic-${unique()}` } }),
    change: () => ({ title: `Changed ${unique()}` }),
  },
  redirects: {
    collection: 'redirects',
    visible: () =>
      t.payload.create({
        collection: 'redirects',
        data: { from: `/matrix-old-${unique()}`, to: { type: 'url', url: '/somewhere' } },
      }),
    create: () => ({
      data: { from: `/matrix-new-${unique()}`, to: { type: 'url', url: '/elsewhere' } },
    }),
    change: () => ({ to: { type: 'url', url: `/changed-${unique()}` } }),
  },
  comments: {
    collection: 'comments',
    visible: () => createComment(t.payload, openPost, { status: 'approved' }),
    hidden: () => createComment(t.payload, openPost, { status: 'pending' }),
    create: () => ({
      data: {
        post: openPost.id,
        authorName: 'Sam Reader',
        authorEmail: `sam-${unique()}@example.com`,
        body: `A question (${unique()}).`,
        // Asked for, never granted: the moderation rules set the status.
        status: 'approved',
      },
    }),
    change: () => ({ status: 'trash' }),
  },
  'audit-entries': {
    collection: 'audit-entries',
    visible: async () => privateAudit,
    create: () => ({
      data: {
        action: 'settings-change',
        summary: 'Forged entry',
        actorType: 'system',
        actorName: 'system: forged',
        targetType: 'settings',
      },
    }),
    change: () => ({ reason: `Rewritten ${unique()}` }),
  },
  media: {
    collection: 'media',
    visible: createMedia,
    create: () => ({ data: { alt: `Uploaded ${unique()}` }, file: pngUpload() }),
    change: () => ({ alt: `Changed ${unique()}` }),
  },
  users: {
    collection: 'users',
    visible: () =>
      t.payload.create({
        collection: 'users',
        data: {
          email: `spare-${unique()}@example.gov`,
          password: TEST_PASSWORD,
          name: 'Spare',
          role: 'author',
        },
      }),
    own: async (role) => staff[role],
    create: () => ({
      data: {
        email: `new-${unique()}@example.gov`,
        password: TEST_PASSWORD,
        name: 'New account',
        role: 'author',
      },
    }),
    change: () => ({ name: `Renamed ${unique()}` }),
  },
}

/**
 * GraphQL takes enum names, not values: Payload names a select option `settings_change` for the
 * value `settings-change`.
 */
function forChannel(via: Channel, data: Record<string, unknown>) {
  if (via.name !== 'GraphQL' || typeof data.action !== 'string') return data
  return { ...data, action: data.action.replace(/-/g, '_') }
}

const ids = (docs: { id: Id }[]) => docs.map((doc) => doc.id)

function expectRefused(answer: Answer, status = 403) {
  expect(answer).toMatchObject({ ok: false, status })
}

function expectValue(answer: Answer): any {
  if (!answer.ok) throw new Error(`Expected success, got ${answer.status}: ${answer.message}`)
  return answer.value
}

/** One cell of the matrix over one channel, with the documents made for its collection. */
type Cell = {
  subject: Subject
  via: Channel
  caller: Caller
  /** Made once per collection: reads and refused writes leave them as they are. */
  shared: { visible: { id: Id }; hidden?: { id: Id } }
}
type Check = (cell: Cell) => Promise<void>

/** Refused, and the stored document (with its versions) and the collection's size unchanged. */
async function expectRefusedWrite({ subject }: Cell, id: Id, write: () => Promise<Answer>) {
  const before = await storedDoc(t.payload, subject.collection, id)
  const count = await storedCount(t.payload, subject.collection)
  expectRefused(await write())
  expect(await storedDoc(t.payload, subject.collection, id)).toEqual(before)
  expect(await storedCount(t.payload, subject.collection)).toBe(count)
}

async function expectRefusedCreate({ subject }: Cell, create: () => Promise<Answer>) {
  const count = await storedCount(t.payload, subject.collection)
  expectRefused(await create())
  expect(await storedCount(t.payload, subject.collection)).toBe(count)
}

async function expectStored({ subject }: Cell, id: Id, values: Record<string, unknown>) {
  expect((await storedDoc(t.payload, subject.collection, id)).doc).toMatchObject(values)
}

async function readsOnlyVisible({ subject, via, caller, shared }: Cell) {
  const { visible, hidden } = shared as Required<Cell['shared']>
  const listed = expectValue(await via.find(caller, subject.collection, [visible.id, hidden.id]))
  expect(ids(listed)).toEqual([visible.id])
  expect(expectValue(await via.findByID(caller, subject.collection, visible.id)).id).toBe(
    visible.id,
  )
  expectRefused(await via.findByID(caller, subject.collection, hidden.id), 404)
}

const CHECKS: Record<Operation, Partial<Record<Outcome, Check>>> = {
  create: {
    allowed: async (cell) => {
      const { subject, via, caller } = cell
      const { data, file } = subject.create()
      const created = await via.create(caller, subject.collection, forChannel(via, data), file)
      expect(
        (await storedDoc(t.payload, subject.collection, expectValue(created).id)).doc,
      ).not.toBeNull()
    },
    denied: async (cell) => {
      const { subject, via, caller } = cell
      const { data, file } = subject.create()
      await expectRefusedCreate(cell, () =>
        via.create(caller, subject.collection, forChannel(via, data), file),
      )
    },
    'drafts only': async (cell) => {
      const { subject, via, caller } = cell
      const draft = { ...subject.create().data, _status: 'draft' }
      const created = expectValue(await via.create(caller, subject.collection, draft))
      await expectStored(cell, created.id, { _status: 'draft' })

      const published = { ...subject.create().data, _status: 'published' }
      await expectRefusedCreate(cell, () => via.create(caller, subject.collection, published))
    },
    held: async (cell) => {
      const { subject, via, caller } = cell
      const created = expectValue(
        await via.create(caller, subject.collection, subject.create().data),
      )
      await expectStored(cell, created.id, { status: 'pending' })
    },
  },
  read: {
    allowed: async ({ subject, via, caller, shared }) => {
      const wanted = [...new Set([shared.visible.id, (shared.hidden ?? shared.visible).id])]
      const listed = expectValue(await via.find(caller, subject.collection, wanted))
      expect(ids(listed).sort()).toEqual(wanted.sort())
      for (const id of wanted) {
        expect(expectValue(await via.findByID(caller, subject.collection, id)).id).toBe(id)
      }
    },
    denied: async ({ subject, via, caller, shared }) => {
      expectRefused(await via.find(caller, subject.collection, [shared.visible.id]))
      expectRefused(await via.findByID(caller, subject.collection, shared.visible.id))
    },
    'published only': readsOnlyVisible,
    'approved only': readsOnlyVisible,
    'own only': async ({ subject, via, caller, shared }) => {
      const own = await subject.own!(caller as Role)
      const other = shared.visible
      const listed = expectValue(await via.find(caller, subject.collection, [own.id, other.id]))
      expect(ids(listed)).toEqual([own.id])
      expect(expectValue(await via.findByID(caller, subject.collection, own.id)).id).toBe(own.id)
      expectRefused(await via.findByID(caller, subject.collection, other.id), 404)
    },
  },
  update: {
    allowed: async (cell) => {
      const { subject, via, caller, shared } = cell
      const change = subject.change()
      expectValue(await via.update(caller, subject.collection, shared.visible.id, change))
      await expectStored(cell, shared.visible.id, change)
    },
    denied: async (cell) => {
      const { subject, via, caller, shared } = cell
      const change = forChannel(via, subject.change())
      await expectRefusedWrite(cell, shared.visible.id, () =>
        via.update(caller, subject.collection, shared.visible.id, change),
      )
    },
    'own only': async (cell) => {
      const { subject, via, caller, shared } = cell
      const own = await subject.own!(caller as Role)
      const change = subject.change()
      expectValue(await via.update(caller, subject.collection, own.id, change))
      await expectStored(cell, own.id, change)

      await expectRefusedWrite(cell, shared.visible.id, () =>
        via.update(caller, subject.collection, shared.visible.id, subject.change()),
      )
    },
    'own drafts only': async (cell) => {
      const { subject, via, caller, shared } = cell
      const own = await subject.own!(caller as Role)
      const change = { ...subject.change(), _status: 'draft' }
      expectValue(await via.update(caller, subject.collection, own.id, change))
      await expectStored(cell, own.id, change)

      await expectRefusedWrite(cell, own.id, () =>
        via.update(caller, subject.collection, own.id, { _status: 'published' }),
      )
      await expectRefusedWrite(cell, shared.visible.id, () =>
        via.update(caller, subject.collection, shared.visible.id, change),
      )
    },
    'status only': async (cell) => {
      const { subject, via, caller } = cell
      const { id } = await subject.hidden!()
      expectValue(await via.update(caller, subject.collection, id, { status: 'approved' }))
      await expectStored(cell, id, { status: 'approved' })

      await expectRefusedWrite(cell, id, () =>
        via.update(caller, subject.collection, id, { body: 'Words the reader never wrote.' }),
      )
    },
  },
  delete: {
    allowed: async (cell) => {
      const { subject, via, caller } = cell
      const { id } = await subject.visible()
      expectValue(await via.delete(caller, subject.collection, id))
      expect((await storedDoc(t.payload, subject.collection, id)).doc).toBeNull()
    },
    denied: async (cell) => {
      const { subject, via, caller, shared } = cell
      await expectRefusedWrite(cell, shared.visible.id, () =>
        via.delete(caller, subject.collection, shared.visible.id),
      )
    },
  },
}

/**
 * GraphQL's settings input makes every required field non-null: send the stored values with the
 * change (select values by their GraphQL enum names, as in forChannel).
 */
async function settingsData(via: Channel, change: Record<string, unknown>) {
  if (via.name !== 'GraphQL') return change
  const stored = await storedGlobal(t.payload, 'site-settings')
  const required = [
    'siteName',
    'agencyName',
    'archiveNotice',
    'currentSiteUrl',
    'linkLimit',
    'floodIntervalSeconds',
    'retentionDays',
    'autoCloseDays',
    'commentsPerPage',
    'commentNestingDepth',
  ] as const
  return {
    ...Object.fromEntries(required.map((field) => [field, stored[field]])),
    moderationMode: stored.moderationMode.replace(/-/g, '_'),
    ...change,
  }
}

type SettingsCheck = (via: Channel, caller: Caller) => Promise<void>
const SETTINGS_CHECKS: Partial<Record<Operation, Partial<Record<Outcome, SettingsCheck>>>> = {
  read: {
    allowed: async (via, caller) => {
      const settings = expectValue(await via.findGlobal(caller))
      expect(settings.siteName).toBe((await storedGlobal(t.payload, 'site-settings')).siteName)
    },
  },
  update: {
    allowed: async (via, caller) => {
      const siteName = `Renamed ${unique()}`
      expectValue(await via.updateGlobal(caller, await settingsData(via, { siteName })))
      expect((await storedGlobal(t.payload, 'site-settings')).siteName).toBe(siteName)
    },
    denied: async (via, caller) => {
      const before = await storedGlobal(t.payload, 'site-settings')
      const change = await settingsData(via, { siteName: 'Taken over', showGovBanner: false })
      expectRefused(await via.updateGlobal(caller, change))
      expect(await storedGlobal(t.payload, 'site-settings')).toEqual(before)
    },
  },
}

/** 'moderator cannot delete posts', 'author can update only their own posts, as drafts'. */
function cellName(caller: Caller, operation: Operation, resource: Resource, outcome: Outcome) {
  const phrases: Record<Outcome, string> = {
    allowed: `can ${operation} ${resource}`,
    denied: `cannot ${operation} ${resource}`,
    'own only': `can ${operation} only their own ${resource}`,
    'published only': `can ${operation} only published ${resource}`,
    'approved only': `can ${operation} only approved ${resource}`,
    'drafts only': `can ${operation} ${resource} only as drafts`,
    'own drafts only': `can ${operation} only their own ${resource}, as drafts`,
    held: `can ${operation} ${resource}, held for moderation`,
    'status only': `can ${operation} only the status of ${resource}`,
    'n/a': `has no ${operation} for ${resource}`,
  }
  return `${caller} ${phrases[outcome]}`
}

describe.each(RESOURCES)('%s', (resource) => {
  const subject = resource === 'site-settings' ? null : SUBJECTS[resource]
  const shared = {} as Cell['shared']
  beforeAll(async () => {
    if (!subject) return
    shared.visible = await subject.visible()
    if (subject.hidden) shared.hidden = await subject.hidden()
  })

  for (const [, caller, ...outcomes] of ACCESS_MATRIX.filter((row) => row[0] === resource)) {
    OPERATIONS.forEach((operation, index) => {
      const outcome = outcomes[index]
      if (outcome === 'n/a') return
      const check = subject ? CHECKS[operation][outcome] : SETTINGS_CHECKS[operation]?.[outcome]
      if (!check) throw new Error(`No check for ${resource}: ${operation} ${outcome}`)
      for (const name of CHANNELS) {
        // GraphQL takes no file uploads: media is created over REST and the Local API.
        if (resource === 'media' && operation === 'create' && name === 'GraphQL') continue
        it(`${cellName(caller, operation, resource, outcome)} over ${name}`, () =>
          subject
            ? (check as Check)({ subject, via: channel(name), caller, shared })
            : (check as SettingsCheck)(channel(name), caller))
      }
    })
  }
})

/** Whether a value holds anything: GraphQL answers a hidden group as an object of nulls. */
function holdsData(value: unknown): boolean {
  if (value == null) return false
  if (typeof value !== 'object') return true
  return Object.values(value).some(holdsData)
}

/**
 * Paths in `value` (a whole answer) where one of `keys` appears. REST and the Local API drop a
 * field the caller may not read; GraphQL answers it as null, so there only data counts.
 */
function keyPaths(value: unknown, keys: readonly string[], countNull: boolean, at = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => keyPaths(item, keys, countNull, `${at}[${i}]`))
  }
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = `${at}.${key}`
    const found = keys.includes(key) && (countNull || holdsData(inner)) ? [here] : []
    return [...found, ...keyPaths(inner, keys, countNull, here)]
  })
}

/** The private values among `secrets` that appear anywhere in `answer`, under any name. */
function secretsIn(answer: unknown, secrets: readonly string[]) {
  const text = JSON.stringify(answer)
  return secrets.filter((secret) => text.includes(secret))
}

/** What a read answered as a whole, and the document in it that carries the private fields. */
type Reading = { answer: unknown; doc: Record<string, any> | null }
type Reader = (caller: Caller) => Promise<Reading>

async function restReading(caller: Caller, path: string, pick = (body: any) => body) {
  const { status, body } = await api.call('GET', path, restAuth(staff, caller))
  return { answer: body, doc: status === 200 ? (pick(body) ?? null) : null }
}

async function graphqlReading(caller: Caller, query: string, pick: (data: any) => unknown) {
  const { body } = await api.graphql(query, restAuth(staff, caller))
  return { answer: body, doc: body.data ? ((pick(body.data) as Reading['doc']) ?? null) : null }
}

async function localReading(read: () => Promise<unknown>, pick = (doc: any) => doc) {
  try {
    const answer = await read()
    return { answer, doc: pick(answer) ?? null }
  } catch (error) {
    return { answer: { error: (error as Error).message }, doc: null }
  }
}

/** An id as a GraphQL literal: a number on SQL databases, a quoted string on MongoDB. */
const lit = (id: Id) => JSON.stringify(id)
const asObject = (value: unknown) => (value && typeof value === 'object' ? value : null)

/** How each row of PRIVATE_FIELDS is read, over each channel. */
const PRIVATE_READS: Record<string, Record<ChannelName, Reader> & { secrets: () => string[] }> = {
  comments: {
    secrets: () => commenterSecrets,
    REST: (caller) => restReading(caller, `/comments/${privateComment.id}?depth=0`),
    GraphQL: (caller) =>
      graphqlReading(
        caller,
        `{ Comment(id: ${lit(privateComment.id)}) { id authorEmail ip userAgent referrer
          statusReason statusRule previousStatus statusChangedAt submittedBy { id } ${HONEYPOT_FIELD}
          spamCheck { verdict details } history { docs { id } } } }`,
        (data) => data.Comment,
      ),
    'Local API': (caller) =>
      localReading(() =>
        t.payload.findByID({
          collection: 'comments',
          id: privateComment.id,
          depth: 0,
          ...localAuth(staff, caller),
        }),
      ),
  },
  posts: {
    secrets: () => [],
    REST: (caller) => restReading(caller, `/posts/${privatePost.id}?depth=0`),
    GraphQL: (caller) =>
      graphqlReading(
        caller,
        `{ Post(id: ${lit(privatePost.id)}) { id createdBy { id } commentsClosedBy { id } } }`,
        (data) => data.Post,
      ),
    'Local API': (caller) =>
      localReading(() =>
        t.payload.findByID({
          collection: 'posts',
          id: privatePost.id,
          depth: 0,
          ...localAuth(staff, caller),
        }),
      ),
  },
  authors: {
    secrets: () => [],
    REST: (caller) => restReading(caller, `/authors/${linkedProfile.id}?depth=0`),
    GraphQL: (caller) =>
      graphqlReading(
        caller,
        `{ Author(id: ${lit(linkedProfile.id)}) { id user { id } } }`,
        (data) => data.Author,
      ),
    'Local API': (caller) =>
      localReading(() =>
        t.payload.findByID({
          collection: 'authors',
          id: linkedProfile.id,
          depth: 0,
          ...localAuth(staff, caller),
        }),
      ),
  },
  // The writer's account, populated as the post's creator.
  'users (another account)': {
    secrets: () => [writer.email],
    REST: (caller) =>
      restReading(caller, `/posts/${privatePost.id}?depth=1`, (body) => asObject(body.createdBy)),
    GraphQL: (caller) =>
      graphqlReading(
        caller,
        `{ Post(id: ${lit(privatePost.id)}) { createdBy { id email role } } }`,
        (data) => data.Post?.createdBy,
      ),
    'Local API': (caller) =>
      localReading(
        () =>
          t.payload.findByID({
            collection: 'posts',
            id: privatePost.id,
            depth: 1,
            ...localAuth(staff, caller),
          }),
        (post) => asObject(post.createdBy),
      ),
  },
  // Every account the caller may read: their own (GET /users/me), every one for an admin.
  'users (any account)': {
    secrets: () => passwordSecrets,
    REST: async (caller) => {
      const me = await restReading(caller, '/users/me', (body) => body.user)
      const list = await restReading(caller, '/users?limit=100&depth=0')
      return { answer: [me.answer, list.answer], doc: me.doc }
    },
    GraphQL: (caller) =>
      graphqlReading(
        caller,
        // Payload's schema lists them (hidden fields are typed, then answered as null).
        `{ meUser { user { id email ${PASSWORD_FIELDS.filter((f) => f !== 'password').join(' ')} } }
          Users(limit: 100) { docs { id email hash salt } } }`,
        (data) => data.meUser?.user,
      ),
    'Local API': (caller) =>
      localReading(
        () => t.payload.find({ collection: 'users', limit: 100, ...localAuth(staff, caller) }),
        (found) => found.docs[0],
      ),
  },
  'site-settings': {
    secrets: () => wordLists,
    REST: (caller) => restReading(caller, '/globals/site-settings?depth=0'),
    GraphQL: (caller) =>
      graphqlReading(
        caller,
        '{ SiteSetting { siteName moderationWords disallowedWords } }',
        (data) => data.SiteSetting,
      ),
    'Local API': (caller) =>
      localReading(() =>
        t.payload.findGlobal({ slug: 'site-settings', depth: 0, ...localAuth(staff, caller) }),
      ),
  },
  'audit-entries': {
    secrets: () => [auditSecret],
    REST: (caller) => restReading(caller, `/audit-entries/${privateAudit.id}?depth=0`),
    GraphQL: (caller) =>
      graphqlReading(
        caller,
        `{ AuditEntry(id: ${lit(privateAudit.id)}) { id actorName summary details } }`,
        (data) => data.AuditEntry,
      ),
    'Local API': (caller) =>
      localReading(() =>
        t.payload.findByID({
          collection: 'audit-entries',
          id: privateAudit.id,
          depth: 0,
          ...localAuth(staff, caller),
        }),
      ),
  },
}

/**
 * GraphQL answers a relationship with the related document, which the caller must also be allowed
 * to read: a staff account is shown only to an admin (or its owner), so over GraphQL an editor
 * sees a post's `createdBy` as null although the field itself is theirs to read.
 */
const ACCOUNT_LINKS = ['createdBy', 'commentsClosedBy', 'user']

describe('private fields', () => {
  for (const [where, fields, readers] of PRIVATE_FIELDS) {
    const reads = PRIVATE_READS[where]
    describe(where, () => {
      for (const caller of CALLERS) {
        const may = readers.includes(caller)
        const verb = may ? 'reads' : 'never reads'
        for (const name of CHANNELS) {
          it(`${caller} ${verb} the private fields of ${where} over ${name}`, async () => {
            const { answer, doc } = await reads[name](caller)
            if (!may) {
              expect(keyPaths(answer, fields, name !== 'GraphQL')).toEqual([])
              expect(secretsIn(answer, reads.secrets())).toEqual([])
              return
            }
            expect(doc).not.toBeNull()
            for (const field of fields) {
              if (name === 'GraphQL' && ACCOUNT_LINKS.includes(field) && caller !== 'admin')
                continue
              expect(doc![field] ?? null).not.toBeNull()
            }
          })
        }
      }
    })
  }
})

/**
 * What a caller must never find in an answer, however deep the population goes, from
 * PRIVATE_FIELDS. A staff member's own account may appear (as the creator of a post they wrote),
 * so for staff another account is looked for by its email address rather than by key. Editors and
 * authors meet no other account's email anywhere; moderators and admins do, in the audit trail.
 */
function forbiddenFor(caller: Caller) {
  const hiddenRows = PRIVATE_FIELDS.filter(([, , readers]) => !readers.includes(caller))
  const keys = hiddenRows
    .filter(([where]) => caller === 'anonymous' || where !== 'users (another account)')
    .flatMap(([, fields]) => fields)
  const others = MODERATORS.includes(caller)
    ? []
    : [...Object.values(staff), writer].filter(
        (account) => caller === 'anonymous' || account.id !== staff[caller].id,
      )
  const values = [
    ...hiddenRows.flatMap(([where]) => PRIVATE_READS[where].secrets()),
    ...others.map((account) => account.email),
  ]
  return { keys, values }
}

const DEEP_PATHS: readonly (readonly [label: string, path: () => string])[] = [
  ['a post', () => `/posts/${privatePost.id}?depth=5`],
  ['the posts', () => '/posts?depth=5&limit=100'],
  ['a reply', () => `/comments/${privateReply.id}?depth=5`],
  ['a reply to a pending comment', () => `/comments/${replyToPending.id}?depth=5`],
  ["a post's comments", () => `/comments?depth=5&limit=100&where[post][equals]=${privatePost.id}`],
  ['the authors', () => '/authors?depth=5&limit=100'],
]

const USER_FIELDS = 'id email role'
const COMMENT_FIELDS = `id authorEmail ip userAgent referrer statusReason statusRule previousStatus
  statusChangedAt ${HONEYPOT_FIELD} submittedBy { ${USER_FIELDS} } spamCheck { verdict details }
  history { docs { actorName summary details } }`
const POST_FIELDS = `id createdBy { ${USER_FIELDS} } commentsClosedBy { ${USER_FIELDS} }
  authors { user { ${USER_FIELDS} } photo { alt } } categories { title }`
/** Everything a reader could ask for, five relations deep. */
const deepQuery = (post: Id) => `{
  Comments(where: { post: { equals: ${lit(post)} } }, limit: 100) { docs {
    ${COMMENT_FIELDS}
    parent { ${COMMENT_FIELDS} parent { ${COMMENT_FIELDS} } } thread { ${COMMENT_FIELDS} }
    post { ${POST_FIELDS} } } }
  Post(id: ${lit(post)}) { ${POST_FIELDS} }
  Authors(limit: 100) { docs { user { ${USER_FIELDS} } } }
}`

describe('population at depth 5', () => {
  describe.each(CALLERS)('as %s', (caller) => {
    it.each(DEEP_PATHS)(`${caller} finds no private field in %s over REST`, async (_label, at) => {
      const { status, body } = await api.call('GET', at(), restAuth(staff, caller))
      expect(status).toBe(200)
      const { keys, values } = forbiddenFor(caller)
      expect(keyPaths(body, keys, true)).toEqual([])
      expect(secretsIn(body, values)).toEqual([])
    })

    it(`${caller} finds no private field at depth 5 over the Local API`, async () => {
      const auth = localAuth(staff, caller)
      const post = await t.payload.findByID({
        collection: 'posts',
        id: privatePost.id,
        depth: 5,
        ...auth,
      })
      const posts = await t.payload.find({ collection: 'posts', depth: 5, limit: 100, ...auth })
      const comments = await t.payload.find({
        collection: 'comments',
        where: { post: { equals: privatePost.id } },
        depth: 5,
        ...auth,
      })
      const authors = await t.payload.find({ collection: 'authors', depth: 5, limit: 100, ...auth })
      expect(ids(comments.docs)).toContain(privateReply.id)
      const answers = [post, posts, comments, authors]
      const { keys, values } = forbiddenFor(caller)
      expect(keyPaths(answers, keys, true)).toEqual([])
      expect(secretsIn(answers, values)).toEqual([])
    })

    it(`${caller} finds no private field in a query five relations deep over GraphQL`, async () => {
      const { body } = await api.graphql(deepQuery(privatePost.id), restAuth(staff, caller))
      // The moderation history (a join on the audit trail) is refused field by field: 403s only.
      const refusals = (body.errors ?? []).map((error: any) => error.extensions?.statusCode)
      expect(refusals.filter((status: number) => status !== 403)).toEqual([])
      expect(body.data.Comments.docs.map((doc: { id: Id }) => doc.id)).toContain(privateReply.id)
      const { keys, values } = forbiddenFor(caller)
      expect(keyPaths(body, keys, false)).toEqual([])
      expect(secretsIn(body, values)).toEqual([])
    })
  })
})

/** A filter is a read too: who may not read a field must not learn its value by filtering on it. */
type Filter = readonly [label: string, path: () => string, readers: readonly Caller[]]
const q = encodeURIComponent
const FILTERS: readonly Filter[] = [
  [
    'comments by email',
    () => `/comments?where[authorEmail][equals]=${q(commenterSecrets[0])}`,
    MODERATORS,
  ],
  [
    'comments by IP address',
    () => `/comments?where[ip][equals]=${q(commenterSecrets[1])}`,
    MODERATORS,
  ],
  ['posts by creator', () => `/posts?where[createdBy][equals]=${writer.id}`, STAFF],
  ['authors by staff account', () => `/authors?where[user][equals]=${writer.id}`, STAFF],
  [
    'comments by the post creator',
    () => `/comments?where[post.createdBy][equals]=${writer.id}`,
    STAFF,
  ],
  [
    "posts by their creator's email",
    () => `/posts?where[createdBy.email][equals]=${q(writer.email)}`,
    ['admin'],
  ],
]

describe('filters on private fields', () => {
  for (const [label, at, readers] of FILTERS) {
    for (const caller of CALLERS) {
      const may = readers.includes(caller)
      it(`${caller} ${may ? 'can' : 'cannot'} filter ${label} over REST`, async () => {
        const { status, body } = await api.call<Docs<unknown>>('GET', at(), restAuth(staff, caller))
        if (may) {
          expect(status).toBe(200)
          expect(body.totalDocs).toBeGreaterThan(0)
        } else if (status === 200) {
          // Payload applies the related collection's read access to the filter: nothing matches.
          expect(body.totalDocs).toBe(0)
        } else {
          expect([400, 403]).toContain(status)
        }
      })
    }
  }
})

describe('docs/security-access-matrix.md', () => {
  const cells = () =>
    fs
      .readFileSync(path.join(process.cwd(), 'docs/security-access-matrix.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim().replace(/`/g, '')),
      )

  it('shows OUTCOMES as tested', () => {
    const rows = cells().filter((row) => row.length === 2 && row[0] in OUTCOMES)
    expect(rows).toEqual(Object.entries(OUTCOMES))
  })

  it('shows ACCESS_MATRIX as tested', () => {
    const rows = cells().filter(
      (row) => row.length === 6 && (RESOURCES as readonly string[]).includes(row[0]),
    )
    expect(rows).toEqual(ACCESS_MATRIX.map((row) => [...row]))
  })

  it('shows PRIVATE_FIELDS as tested', () => {
    const wheres = PRIVATE_FIELDS.map(([where]) => where)
    const rows = cells().filter((row) => row.length === 3 && wheres.includes(row[0]))
    expect(rows).toEqual(
      PRIVATE_FIELDS.map(([where, fields, readers]) => [
        where,
        fields.join(', '),
        readers.length ? readers.join(', ') : 'nobody',
      ]),
    )
  })
})
