import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { RequiredDataFromCollectionSlug } from 'payload'

import { ROLES } from '@/access/roles'
import type { Author, Category, Media } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

import { createApiClient, type ApiClient } from '../helpers/api'
import { localAuth, restAuth } from '../helpers/callers'
import { createAuthor, createStaff, type Staff } from '../helpers/factories'
import { HTML_PAGE, SVG_WITH_SCRIPT, tinyPng } from '../helpers/images'
import { rejectionOf } from '../helpers/rejectionOf'
import type { Docs, Saved } from '../helpers/restBodies'
import { storedCount, storedDoc, storedGlobal } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'
import { createUploadClient, type UploadClient } from '../helpers/uploadClient'

let t: TestPayload
let api: ApiClient
let upload: UploadClient
let staff: Staff
let png: Buffer
/** Profiles linked to the author's and the moderator's staff accounts. */
let authorsProfile: Author
let moderatorsProfile: Author

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  upload = await createUploadClient()
  staff = await createStaff(t.payload)
  png = await tinyPng()
  authorsProfile = await createAuthor(t.payload, { user: staff.author.id })
  moderatorsProfile = await createAuthor(t.payload, { user: staff.moderator.id })
})
afterAll(async () => {
  // Uploads are written to the project's media/ folder; deleting the documents removes the files.
  if (t) await t.payload.delete({ collection: 'media', where: { id: { exists: true } } })
  await t?.stop()
})

const unique = () => randomBytes(4).toString('hex')
/** Category data as a caller sends it; the slug is filled in from the title. */
const categoryData = (title: string) => ({ title }) as RequiredDataFromCollectionSlug<'categories'>
const ids = (docs: { id: number | string }[]) => docs.map((doc) => doc.id)

describe('authors.read', () => {
  it('shows public profiles to anonymous readers, without the staff account link', async () => {
    const list = await api.call<Docs<Author>>('GET', '/authors?limit=100')
    expect(list.status).toBe(200)
    expect(ids(list.body.docs)).toContain(authorsProfile.id)
    for (const doc of list.body.docs) expect(doc).not.toHaveProperty('user')

    const byId = await api.call('GET', `/authors/${authorsProfile.id}`)
    expect(byId.body).toMatchObject({ name: authorsProfile.name })
    expect(byId.body).not.toHaveProperty('user')

    const gql = await api.graphql(`{ Author(id: ${authorsProfile.id}) { name user { id } } }`)
    expect(gql.body.data?.Author).toEqual({ name: authorsProfile.name, user: null })

    const local = await t.payload.findByID({
      collection: 'authors',
      id: authorsProfile.id,
      ...localAuth(staff, 'anonymous'),
    })
    expect(local).not.toHaveProperty('user')
  })

  it('cannot be filtered by the staff account link when anonymous (400)', async () => {
    expect((await api.call('GET', `/authors?where[user][equals]=${staff.author.id}`)).status).toBe(
      400,
    )
  })

  it.each(ROLES)('shows the staff account link to the %s', async (role) => {
    const rest = await api.call<Author>(
      'GET',
      `/authors/${authorsProfile.id}?depth=0`,
      restAuth(staff, role),
    )
    expect(rest.body.user).toBe(staff.author.id)

    const local = await t.payload.findByID({
      collection: 'authors',
      id: authorsProfile.id,
      depth: 0,
      ...localAuth(staff, role),
    })
    expect(local.user).toBe(staff.author.id)
  })
})

describe('authors.create', () => {
  it.each(['admin', 'editor'] as const)('lets the %s create a profile', async (role) => {
    const rest = await api.call('POST', '/authors', {
      ...restAuth(staff, role),
      json: { name: `REST ${unique()}` },
    })
    expect(rest.status).toBe(201)

    const local = await t.payload.create({
      collection: 'authors',
      data: { name: `Local ${unique()}` } as Author,
      ...localAuth(staff, role),
    })
    expect((await storedDoc(t.payload, 'authors', local.id)).doc).not.toBeNull()
  })

  it.each(['author', 'moderator', 'anonymous'] as const)(
    'refuses the %s (403) and stores nothing',
    async (caller) => {
      const before = await storedCount(t.payload, 'authors')

      const rest = await api.call('POST', '/authors', {
        ...restAuth(staff, caller),
        json: { name: 'Self-made' },
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.create({
          collection: 'authors',
          data: { name: 'Self-made' } as Author,
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedCount(t.payload, 'authors')).toBe(before)
    },
  )
})

describe('authors.update', () => {
  it.each(['admin', 'editor'] as const)(
    'lets the %s edit any profile and its account link',
    async (role) => {
      const profile = await createAuthor(t.payload)
      const spare = await t.payload.create({
        collection: 'users',
        data: {
          email: `linked-${unique()}@example.gov`,
          password: 'linked-password-1',
          name: 'Linked',
          role: 'author',
        },
      })

      const rest = await api.call('PATCH', `/authors/${profile.id}`, {
        ...restAuth(staff, role),
        json: { bio: 'Edited over REST', user: spare.id },
      })
      expect(rest.status).toBe(200)
      expect((await storedDoc(t.payload, 'authors', profile.id)).doc).toMatchObject({
        bio: 'Edited over REST',
        user: spare.id,
      })

      await t.payload.update({
        collection: 'authors',
        id: profile.id,
        data: { bio: 'Edited locally', user: null },
        ...localAuth(staff, role),
      })
      expect((await storedDoc(t.payload, 'authors', profile.id)).doc).toMatchObject({
        bio: 'Edited locally',
        user: null,
      })
    },
  )

  it.each([
    ['author', () => authorsProfile],
    ['moderator', () => moderatorsProfile],
  ] as const)('lets the %s edit the profile linked to their account', async (role, linked) => {
    const rest = await api.call('PATCH', `/authors/${linked().id}`, {
      ...restAuth(staff, role),
      json: { bio: `${role} over REST` },
    })
    expect(rest.status).toBe(200)
    expect((await storedDoc(t.payload, 'authors', linked().id)).doc?.bio).toBe(`${role} over REST`)

    await t.payload.update({
      collection: 'authors',
      id: linked().id,
      data: { title: `${role} locally` },
      ...localAuth(staff, role),
    })
    expect((await storedDoc(t.payload, 'authors', linked().id)).doc?.title).toBe(`${role} locally`)
  })

  it('keeps the account link when the linked author tries to move it', async () => {
    const rest = await api.call('PATCH', `/authors/${authorsProfile.id}`, {
      ...restAuth(staff, 'author'),
      json: { user: staff.editor.id },
    })
    expect(rest.status).toBe(200)
    expect((await storedDoc(t.payload, 'authors', authorsProfile.id)).doc?.user).toBe(
      staff.author.id,
    )
  })

  it.each(['author', 'moderator', 'anonymous'] as const)(
    'refuses the %s editing a profile not linked to them (403); nothing changes',
    async (caller) => {
      const profile = await createAuthor(t.payload, { bio: 'Original' })
      const before = await storedDoc(t.payload, 'authors', profile.id)

      const rest = await api.call('PATCH', `/authors/${profile.id}`, {
        ...restAuth(staff, caller),
        json: { bio: 'Defaced' },
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'authors',
          id: profile.id,
          data: { bio: 'Defaced' },
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'authors', profile.id)).toEqual(before)
    },
  )
})

describe('authors.delete', () => {
  it.each(['admin', 'editor'] as const)('lets the %s delete a profile', async (role) => {
    const viaRest = await createAuthor(t.payload)
    expect((await api.call('DELETE', `/authors/${viaRest.id}`, restAuth(staff, role))).status).toBe(
      200,
    )
    expect((await storedDoc(t.payload, 'authors', viaRest.id)).doc).toBeNull()

    const viaLocal = await createAuthor(t.payload)
    await t.payload.delete({ collection: 'authors', id: viaLocal.id, ...localAuth(staff, role) })
    expect((await storedDoc(t.payload, 'authors', viaLocal.id)).doc).toBeNull()
  })

  it.each([
    ['author', () => authorsProfile],
    ['moderator', () => moderatorsProfile],
  ] as const)(
    'refuses the %s deleting even the profile linked to them (403); it stays',
    async (role, linked) => {
      const before = await storedDoc(t.payload, 'authors', linked().id)

      expect(
        (await api.call('DELETE', `/authors/${linked().id}`, restAuth(staff, role))).status,
      ).toBe(403)
      const local = await rejectionOf(
        t.payload.delete({ collection: 'authors', id: linked().id, ...localAuth(staff, role) }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'authors', linked().id)).toEqual(before)
    },
  )

  it('refuses an anonymous delete (403); the profile stays', async () => {
    const profile = await createAuthor(t.payload)
    const before = await storedDoc(t.payload, 'authors', profile.id)

    expect((await api.call('DELETE', `/authors/${profile.id}`)).status).toBe(403)
    const local = await rejectionOf(
      t.payload.delete({ collection: 'authors', id: profile.id, ...localAuth(staff, 'anonymous') }),
    )
    expect(local.status).toBe(403)

    expect(await storedDoc(t.payload, 'authors', profile.id)).toEqual(before)
  })
})

describe('categories', () => {
  const createCategory = () =>
    t.payload.create({ collection: 'categories', data: categoryData(`Topic ${unique()}`) })

  it('lets anyone read them', async () => {
    const category = await createCategory()

    const rest = await api.call<Docs<Category>>('GET', '/categories?limit=100')
    expect(ids(rest.body.docs)).toContain(category.id)
    expect((await api.call('GET', `/categories/${category.id}`)).status).toBe(200)

    const gql = await api.graphql(`{ Category(id: ${category.id}) { title } }`)
    expect(gql.body.data?.Category).toEqual({ title: category.title })

    const local = await t.payload.find({
      collection: 'categories',
      limit: 100,
      ...localAuth(staff, 'anonymous'),
    })
    expect(ids(local.docs)).toContain(category.id)
  })

  it.each(['admin', 'editor'] as const)(
    'lets the %s create, rename and delete one',
    async (role) => {
      const rest = await api.call<Saved<Category>>('POST', '/categories', {
        ...restAuth(staff, role),
        json: { title: `New ${unique()}` },
      })
      expect(rest.status).toBe(201)
      const id = rest.body.doc.id
      const renamed = await api.call('PATCH', `/categories/${id}`, {
        ...restAuth(staff, role),
        json: { title: 'Renamed' },
      })
      expect(renamed.status).toBe(200)
      expect((await api.call('DELETE', `/categories/${id}`, restAuth(staff, role))).status).toBe(
        200,
      )
      expect((await storedDoc(t.payload, 'categories', id)).doc).toBeNull()

      const local = await t.payload.create({
        collection: 'categories',
        data: categoryData(`Local ${unique()}`),
        ...localAuth(staff, role),
      })
      await t.payload.update({
        collection: 'categories',
        id: local.id,
        data: { title: 'Renamed' },
        ...localAuth(staff, role),
      })
      expect((await storedDoc(t.payload, 'categories', local.id)).doc?.title).toBe('Renamed')
      await t.payload.delete({ collection: 'categories', id: local.id, ...localAuth(staff, role) })
      expect((await storedDoc(t.payload, 'categories', local.id)).doc).toBeNull()
    },
  )

  it.each(['author', 'moderator', 'anonymous'] as const)(
    'refuses the %s creating, renaming or deleting one (403); nothing changes',
    async (caller) => {
      const category = await createCategory()
      const count = await storedCount(t.payload, 'categories')
      const before = await storedDoc(t.payload, 'categories', category.id)
      const auth = restAuth(staff, caller)
      const local = localAuth(staff, caller)

      expect(
        (await api.call('POST', '/categories', { ...auth, json: { title: 'Mine' } })).status,
      ).toBe(403)
      expect(
        (
          await api.call('PATCH', `/categories/${category.id}`, {
            ...auth,
            json: { title: 'Mine' },
          })
        ).status,
      ).toBe(403)
      expect((await api.call('DELETE', `/categories/${category.id}`, auth)).status).toBe(403)

      const refusals = await Promise.all([
        rejectionOf(
          t.payload.create({ collection: 'categories', data: categoryData('Mine'), ...local }),
        ),
        rejectionOf(
          t.payload.update({
            collection: 'categories',
            id: category.id,
            data: { title: 'Mine' },
            ...local,
          }),
        ),
        rejectionOf(t.payload.delete({ collection: 'categories', id: category.id, ...local })),
      ])
      expect(refusals.map((refusal) => refusal.status)).toEqual([403, 403, 403])

      expect(await storedCount(t.payload, 'categories')).toBe(count)
      expect(await storedDoc(t.payload, 'categories', category.id)).toEqual(before)
    },
  )
})

describe('media', () => {
  const pngFile = () => ({ bytes: png, type: 'image/png', name: `photo-${unique()}.png` })
  const localPng = () => ({
    data: png,
    mimetype: 'image/png',
    name: `photo-${unique()}.png`,
    size: png.length,
  })
  const createMedia = () =>
    t.payload.create({
      collection: 'media',
      data: { alt: 'A test image' },
      file: localPng(),
    }) as Promise<Media>

  it('lets anyone read media', async () => {
    const media = await createMedia()

    const rest = await api.call('GET', `/media/${media.id}`)
    expect(rest.status).toBe(200)
    expect(rest.body).toMatchObject({ alt: 'A test image', mimeType: 'image/png' })

    const local = await t.payload.find({
      collection: 'media',
      limit: 100,
      ...localAuth(staff, 'anonymous'),
    })
    expect(ids(local.docs)).toContain(media.id)
  })

  it.each(['admin', 'editor', 'author'] as const)('lets the %s upload a PNG', async (role) => {
    const rest = await upload('media', {
      ...restAuth(staff, role),
      file: pngFile(),
      data: { alt: 'Uploaded over REST' },
    })
    expect(rest.status).toBe(201)
    expect(rest.body.doc).toMatchObject({
      alt: 'Uploaded over REST',
      mimeType: 'image/png',
      width: 2,
      height: 2,
    })
    // Written where MEDIA_DIR says (the test database's own folder), not the working directory.
    const stored = path.join(runtimeOf(t.payload).config.mediaDir, rest.body.doc.filename)
    expect(stored.startsWith(process.env.MEDIA_DIR!)).toBe(true)
    expect(fs.statSync(stored).size).toBe(rest.body.doc.filesize)

    const local = await t.payload.create({
      collection: 'media',
      data: { alt: 'Uploaded locally' },
      file: localPng(),
      ...localAuth(staff, role),
    })
    expect((await storedDoc(t.payload, 'media', local.id)).doc).toMatchObject({
      mimeType: 'image/png',
    })
  })

  it.each(['moderator', 'anonymous'] as const)(
    'refuses an upload from the %s (403) and stores nothing',
    async (caller) => {
      const before = await storedCount(t.payload, 'media')

      const rest = await upload('media', {
        ...restAuth(staff, caller),
        file: pngFile(),
        data: { alt: 'Not allowed' },
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.create({
          collection: 'media',
          data: { alt: 'Not allowed' },
          file: localPng(),
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedCount(t.payload, 'media')).toBe(before)
    },
  )

  it.each([
    ['an SVG carrying script', SVG_WITH_SCRIPT],
    ['an HTML page', HTML_PAGE],
  ])(
    'refuses %s sent as image/png with a .png name (400) and stores nothing',
    async (_label, bytes) => {
      const before = await storedCount(t.payload, 'media')

      const rest = await upload('media', {
        ...restAuth(staff, 'editor'),
        file: { bytes, type: 'image/png', name: `disguised-${unique()}.png` },
        data: { alt: 'Disguised file' },
      })
      expect(rest.status).toBe(400)
      expect(rest.body.errors[0].data.errors[0].path).toBe('file')

      const local = await rejectionOf(
        t.payload.create({
          collection: 'media',
          data: { alt: 'Disguised file' },
          file: {
            data: bytes,
            mimetype: 'image/png',
            name: `disguised-${unique()}.png`,
            size: bytes.length,
          },
          ...localAuth(staff, 'editor'),
        }),
      )
      expect(local.status).toBe(400)

      expect(await storedCount(t.payload, 'media')).toBe(before)
    },
  )

  it('refuses an image without alternative text (400) and stores nothing', async () => {
    const before = await storedCount(t.payload, 'media')

    const rest = await upload('media', { ...restAuth(staff, 'editor'), file: pngFile(), data: {} })
    expect(rest.status).toBe(400)
    expect(rest.body.errors[0].data.errors[0].path).toBe('alt')

    const local = await rejectionOf(
      t.payload.create({
        collection: 'media',
        data: {} as Media,
        file: localPng(),
        ...localAuth(staff, 'editor'),
      }),
    )
    expect(local.status).toBe(400)

    expect(await storedCount(t.payload, 'media')).toBe(before)
  })

  it.each(['admin', 'editor'] as const)('lets the %s delete media', async (role) => {
    const viaRest = await createMedia()
    expect((await api.call('DELETE', `/media/${viaRest.id}`, restAuth(staff, role))).status).toBe(
      200,
    )
    expect((await storedDoc(t.payload, 'media', viaRest.id)).doc).toBeNull()

    const viaLocal = await createMedia()
    await t.payload.delete({ collection: 'media', id: viaLocal.id, ...localAuth(staff, role) })
    expect((await storedDoc(t.payload, 'media', viaLocal.id)).doc).toBeNull()
  })

  it.each(['author', 'moderator', 'anonymous'] as const)(
    'refuses the %s deleting media (403); it stays',
    async (caller) => {
      const media = await createMedia()
      const before = await storedDoc(t.payload, 'media', media.id)

      expect((await api.call('DELETE', `/media/${media.id}`, restAuth(staff, caller))).status).toBe(
        403,
      )
      const local = await rejectionOf(
        t.payload.delete({ collection: 'media', id: media.id, ...localAuth(staff, caller) }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'media', media.id)).toEqual(before)
    },
  )
})

describe('site-settings', () => {
  it('lets anyone read the settings', async () => {
    const rest = await api.call('GET', '/globals/site-settings')
    expect(rest.status).toBe(200)
    expect(rest.body).toHaveProperty('siteName')

    const gql = await api.graphql('{ SiteSetting { siteName } }')
    expect(gql.body.data?.SiteSetting).toHaveProperty('siteName')

    const local = await t.payload.findGlobal({
      slug: 'site-settings',
      ...localAuth(staff, 'anonymous'),
    })
    expect(local).toHaveProperty('siteName')
  })

  it('lets an admin update them', async () => {
    const rest = await api.call('POST', '/globals/site-settings', {
      ...restAuth(staff, 'admin'),
      json: { siteName: 'Renamed over REST' },
    })
    expect(rest.status).toBe(200)
    expect((await storedGlobal(t.payload, 'site-settings')).siteName).toBe('Renamed over REST')

    await t.payload.updateGlobal({
      slug: 'site-settings',
      data: { siteName: 'Renamed locally' },
      ...localAuth(staff, 'admin'),
    })
    expect((await storedGlobal(t.payload, 'site-settings')).siteName).toBe('Renamed locally')
  })

  it.each(['editor', 'author', 'moderator', 'anonymous'] as const)(
    'refuses the %s updating them (403); nothing changes',
    async (caller) => {
      const before = await storedGlobal(t.payload, 'site-settings')

      const rest = await api.call('POST', '/globals/site-settings', {
        ...restAuth(staff, caller),
        json: { siteName: 'Taken over', showGovBanner: false },
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.updateGlobal({
          slug: 'site-settings',
          data: { siteName: 'Taken over', showGovBanner: false },
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedGlobal(t.payload, 'site-settings')).toEqual(before)
    },
  )
})

describe('payload-jobs', () => {
  it('lets the server read the job queue through the Local API', async () => {
    const { totalDocs } = await t.payload.find({ collection: 'payload-jobs' })
    expect(totalDocs).toBeGreaterThanOrEqual(0)
  })

  it('refuses anonymous readers (403)', async () => {
    expect((await api.call('GET', '/payload-jobs')).status).toBe(403)

    const local = await rejectionOf(
      t.payload.find({ collection: 'payload-jobs', ...localAuth(staff, 'anonymous') }),
    )
    expect(local.status).toBe(403)
  })

  it.each(ROLES)(
    'is closed to the %s too: Payload keeps the queue from every API caller (403)',
    async (role) => {
      expect((await api.call('GET', '/payload-jobs', restAuth(staff, role))).status).toBe(403)
    },
  )
})
