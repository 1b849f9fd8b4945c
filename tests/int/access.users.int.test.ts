import { randomBytes } from 'node:crypto'

import type { RequiredDataFromCollectionSlug } from 'payload'

import type { Role } from '@/access/roles'
import type { User } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { localAuth, restAuth } from '../helpers/callers'
import { createStaff, TEST_PASSWORD, type Staff } from '../helpers/factories'
import { rejectionOf } from '../helpers/rejectionOf'
import type { Docs, Refusal, Saved } from '../helpers/restBodies'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let api: ApiClient
let staff: Staff

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
})
afterAll(async () => {
  await t?.stop()
})

const NON_ADMINS = ['editor', 'author', 'moderator'] as const

/** A spare account made by the server, for tests that change or delete one. */
async function createAccount(role: Role = 'author'): Promise<User> {
  const id = randomBytes(4).toString('hex')
  return t.payload.create({
    collection: 'users',
    data: { email: `spare-${id}@example.gov`, password: TEST_PASSWORD, name: `Spare ${id}`, role },
  })
}

function newAccountData(role?: Role) {
  const id = randomBytes(4).toString('hex')
  const account = {
    email: `new-${id}@example.gov`,
    password: TEST_PASSWORD,
    name: `New ${id}`,
    role,
  }
  return account as RequiredDataFromCollectionSlug<'users'>
}

const ids = (docs: { id: number | string }[]) => docs.map((doc) => doc.id)

describe('users.read', () => {
  it('lets an admin list and read every account', async () => {
    const everyone = ids(Object.values(staff))

    const list = await api.call<Docs<User>>('GET', '/users?limit=100', restAuth(staff, 'admin'))
    expect(list.status).toBe(200)
    expect(ids(list.body.docs)).toEqual(expect.arrayContaining(everyone))
    const byId = await api.call<User>('GET', `/users/${staff.editor.id}`, restAuth(staff, 'admin'))
    expect(byId.status).toBe(200)
    expect(byId.body.email).toBe(staff.editor.email)

    const local = await t.payload.find({
      collection: 'users',
      limit: 100,
      ...localAuth(staff, 'admin'),
    })
    expect(ids(local.docs)).toEqual(expect.arrayContaining(everyone))
    const localById = await t.payload.findByID({
      collection: 'users',
      id: staff.editor.id,
      ...localAuth(staff, 'admin'),
    })
    expect(localById.email).toBe(staff.editor.email)
  })

  describe.each(NON_ADMINS)('as %s', (role) => {
    it('lists only their own account', async () => {
      const list = await api.call<Docs<User>>('GET', '/users?limit=100', restAuth(staff, role))
      expect(list.status).toBe(200)
      expect(ids(list.body.docs)).toEqual([staff[role].id])

      const gql = await api.graphql('{ Users(limit: 100) { docs { id } } }', restAuth(staff, role))
      expect(gql.body.data?.Users.docs).toEqual([{ id: staff[role].id }])

      const local = await t.payload.find({
        collection: 'users',
        limit: 100,
        ...localAuth(staff, role),
      })
      expect(ids(local.docs)).toEqual([staff[role].id])
    })

    it('reads their own account by id', async () => {
      const own = await api.call<User>('GET', `/users/${staff[role].id}`, restAuth(staff, role))
      expect(own.status).toBe(200)
      expect(own.body.email).toBe(staff[role].email)

      const local = await t.payload.findByID({
        collection: 'users',
        id: staff[role].id,
        ...localAuth(staff, role),
      })
      expect(local.email).toBe(staff[role].email)
    })

    it("gets 404 for another account's id", async () => {
      const other = await api.call('GET', `/users/${staff.admin.id}`, restAuth(staff, role))
      expect(other.status).toBe(404)

      const local = await rejectionOf(
        t.payload.findByID({ collection: 'users', id: staff.admin.id, ...localAuth(staff, role) }),
      )
      expect(local.status).toBe(404)
    })
  })

  it('refuses an anonymous list of accounts (403)', async () => {
    const list = await api.call('GET', '/users')
    expect(list.status).toBe(403)

    const gql = await api.graphql('{ Users { docs { id email } } }')
    expect(gql.body.data?.Users).toBeNull()
    expect(gql.body.errors?.[0].message).toMatch(/not allowed/)

    const local = await rejectionOf(
      t.payload.find({ collection: 'users', ...localAuth(staff, 'anonymous') }),
    )
    expect(local.status).toBe(403)
  })

  it('refuses an anonymous read of an account by id (403)', async () => {
    const byId = await api.call('GET', `/users/${staff.author.id}`)
    expect(byId.status).toBe(403)

    const local = await rejectionOf(
      t.payload.findByID({
        collection: 'users',
        id: staff.author.id,
        ...localAuth(staff, 'anonymous'),
      }),
    )
    expect(local.status).toBe(403)
  })
})

describe('users.create', () => {
  it('lets an admin create an account with a role', async () => {
    const rest = await api.call<Saved<User>>('POST', '/users', {
      ...restAuth(staff, 'admin'),
      json: newAccountData('editor'),
    })
    expect(rest.status).toBe(201)
    expect((await storedDoc(t.payload, 'users', rest.body.doc.id)).doc?.role).toBe('editor')

    const local = await t.payload.create({
      collection: 'users',
      data: newAccountData('moderator'),
      ...localAuth(staff, 'admin'),
    })
    expect((await storedDoc(t.payload, 'users', local.id)).doc?.role).toBe('moderator')
  })

  describe.each([...NON_ADMINS, 'anonymous'] as const)('as %s', (caller) => {
    it('refuses to create an account (403) and stores nothing', async () => {
      const before = await storedCount(t.payload, 'users')

      const rest = await api.call('POST', '/users', {
        ...restAuth(staff, caller),
        json: newAccountData(),
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.create({
          collection: 'users',
          data: newAccountData(),
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedCount(t.payload, 'users')).toBe(before)
    })
  })
})

describe('users.update', () => {
  it('lets an admin rename another account and change its role', async () => {
    const viaRest = await createAccount('author')
    const rest = await api.call('PATCH', `/users/${viaRest.id}`, {
      ...restAuth(staff, 'admin'),
      json: { name: 'Renamed by admin', role: 'editor' },
    })
    expect(rest.status).toBe(200)
    expect((await storedDoc(t.payload, 'users', viaRest.id)).doc).toMatchObject({
      name: 'Renamed by admin',
      role: 'editor',
    })

    const viaLocal = await createAccount('author')
    await t.payload.update({
      collection: 'users',
      id: viaLocal.id,
      data: { name: 'Renamed locally', role: 'moderator' },
      ...localAuth(staff, 'admin'),
    })
    expect((await storedDoc(t.payload, 'users', viaLocal.id)).doc).toMatchObject({
      name: 'Renamed locally',
      role: 'moderator',
    })
  })

  describe.each(NON_ADMINS)('as %s', (role) => {
    it('lets them rename their own account', async () => {
      const rest = await api.call('PATCH', `/users/${staff[role].id}`, {
        ...restAuth(staff, role),
        json: { name: `${role} via REST` },
      })
      expect(rest.status).toBe(200)
      expect((await storedDoc(t.payload, 'users', staff[role].id)).doc?.name).toBe(
        `${role} via REST`,
      )

      await t.payload.update({
        collection: 'users',
        id: staff[role].id,
        data: { name: `${role} via Local API` },
        ...localAuth(staff, role),
      })
      expect((await storedDoc(t.payload, 'users', staff[role].id)).doc?.name).toBe(
        `${role} via Local API`,
      )
    })

    it('accepts a save of their own account that repeats their current role', async () => {
      // The admin's account form sends every field back, the role included.
      const rest = await api.call('PATCH', `/users/${staff[role].id}`, {
        ...restAuth(staff, role),
        json: { name: `Test ${role}`, role },
      })
      expect(rest.status).toBe(200)
      expect((await storedDoc(t.payload, 'users', staff[role].id)).doc?.role).toBe(role)
    })

    it('refuses them changing their own role (403, says role) and keeps the role', async () => {
      const before = await storedDoc(t.payload, 'users', staff[role].id)

      const rest = await api.call<Refusal>('PATCH', `/users/${staff[role].id}`, {
        ...restAuth(staff, role),
        json: { role: 'admin' },
      })
      expect(rest.status).toBe(403)
      expect(rest.body.errors[0].message).toMatch(/role/i)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'users',
          id: staff[role].id,
          data: { role: 'admin' },
          ...localAuth(staff, role),
        }),
      )
      expect(local.status).toBe(403)
      expect(local.message).toMatch(/role/i)

      expect(await storedDoc(t.payload, 'users', staff[role].id)).toEqual(before)
    })

    it('refuses them editing another account (403) and changes nothing', async () => {
      const other = await createAccount('author')
      const before = await storedDoc(t.payload, 'users', other.id)

      const rest = await api.call('PATCH', `/users/${other.id}`, {
        ...restAuth(staff, role),
        json: { name: 'Hijacked', role: 'admin' },
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'users',
          id: other.id,
          data: { name: 'Hijacked' },
          ...localAuth(staff, role),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'users', other.id)).toEqual(before)
    })
  })

  it('refuses an anonymous update (403) and changes nothing', async () => {
    const account = await createAccount('author')
    const before = await storedDoc(t.payload, 'users', account.id)

    const rest = await api.call('PATCH', `/users/${account.id}`, {
      json: { name: 'Anon', role: 'admin' },
    })
    expect(rest.status).toBe(403)

    const local = await rejectionOf(
      t.payload.update({
        collection: 'users',
        id: account.id,
        data: { name: 'Anon' },
        ...localAuth(staff, 'anonymous'),
      }),
    )
    expect(local.status).toBe(403)

    expect(await storedDoc(t.payload, 'users', account.id)).toEqual(before)
  })
})

describe('users.delete', () => {
  it('lets an admin delete an account', async () => {
    const viaRest = await createAccount()
    const rest = await api.call('DELETE', `/users/${viaRest.id}`, restAuth(staff, 'admin'))
    expect(rest.status).toBe(200)
    expect((await storedDoc(t.payload, 'users', viaRest.id)).doc).toBeNull()

    const viaLocal = await createAccount()
    await t.payload.delete({ collection: 'users', id: viaLocal.id, ...localAuth(staff, 'admin') })
    expect((await storedDoc(t.payload, 'users', viaLocal.id)).doc).toBeNull()
  })

  describe.each(NON_ADMINS)('as %s', (role) => {
    it('refuses to delete another account or their own (403) and keeps both', async () => {
      const other = await createAccount()
      const before = await storedCount(t.payload, 'users')

      for (const id of [other.id, staff[role].id]) {
        const rest = await api.call('DELETE', `/users/${id}`, restAuth(staff, role))
        expect(rest.status).toBe(403)

        const local = await rejectionOf(
          t.payload.delete({ collection: 'users', id, ...localAuth(staff, role) }),
        )
        expect(local.status).toBe(403)
      }

      expect(await storedCount(t.payload, 'users')).toBe(before)
      expect((await storedDoc(t.payload, 'users', other.id)).doc).not.toBeNull()
    })
  })

  it('refuses an anonymous delete (403) and keeps the account', async () => {
    const account = await createAccount()

    const rest = await api.call('DELETE', `/users/${account.id}`)
    expect(rest.status).toBe(403)

    const local = await rejectionOf(
      t.payload.delete({ collection: 'users', id: account.id, ...localAuth(staff, 'anonymous') }),
    )
    expect(local.status).toBe(403)

    expect((await storedDoc(t.payload, 'users', account.id)).doc).not.toBeNull()
  })
})
