import type { CollectionSlug, Payload } from 'payload'

import { createApiClient, type ApiResponse } from './api'
import { localAuth, restAuth, type Caller } from './callers'
import type { Staff } from './factories'
import { createUploadClient } from './uploadClient'

/** The three ways in that apply access control. */
export const CHANNELS = ['REST', 'GraphQL', 'Local API'] as const
export type ChannelName = (typeof CHANNELS)[number]

export type Id = number | string
/** What one call answered: the document(s), or the refusal with its HTTP status when it has one. */
export type Answer<T = any> =
  { ok: true; value: T } | { ok: false; status: number | undefined; message: string }
export type Upload = { bytes: Buffer; type: string; name: string }

/**
 * The same five document operations and two global ones through each channel, as `caller`, so a
 * test table can say what should happen once and check it everywhere. Reads are at depth 0.
 */
export type Channel = {
  name: ChannelName
  /** The documents among `ids` the caller may list. */
  find(caller: Caller, collection: CollectionSlug, ids: Id[]): Promise<Answer<{ id: Id }[]>>
  findByID(caller: Caller, collection: CollectionSlug, id: Id): Promise<Answer>
  create(caller: Caller, collection: CollectionSlug, data: object, file?: Upload): Promise<Answer>
  update(caller: Caller, collection: CollectionSlug, id: Id, data: object): Promise<Answer>
  delete(caller: Caller, collection: CollectionSlug, id: Id): Promise<Answer>
  findGlobal(caller: Caller): Promise<Answer>
  updateGlobal(caller: Caller, data: object): Promise<Answer>
}

/** Payload's GraphQL names: `Post` / `Posts`, `createPost`, `mutationPostInput`. */
const GRAPHQL_NAMES: Partial<Record<CollectionSlug, { one: string; many: string }>> = {
  posts: { one: 'Post', many: 'Posts' },
  authors: { one: 'Author', many: 'Authors' },
  categories: { one: 'Category', many: 'Categories' },
  redirects: { one: 'Redirect', many: 'Redirects' },
  comments: { one: 'Comment', many: 'Comments' },
  'audit-entries': { one: 'AuditEntry', many: 'AuditEntries' },
  media: { one: 'Media', many: 'allMedia' },
  users: { one: 'User', many: 'Users' },
}

function restAnswer(response: ApiResponse, pick: (body: any) => unknown): Answer {
  if (response.status < 300) return { ok: true, value: pick(response.body) }
  const message = response.body?.errors?.[0]?.message ?? response.body?.message ?? ''
  return { ok: false, status: response.status, message }
}

function localFile({ bytes, type, name }: Upload) {
  return { data: bytes, mimetype: type, name, size: bytes.length }
}

async function localAnswer(call: () => Promise<unknown>): Promise<Answer> {
  try {
    return { ok: true, value: await call() }
  } catch (error) {
    const { status, message } = error as { status?: number; message: string }
    return { ok: false, status, message }
  }
}

export async function createChannels(payload: Payload, staff: Staff): Promise<Channel[]> {
  const api = await createApiClient()
  const upload = await createUploadClient()
  const idType = payload.db.defaultIDType === 'number' ? 'Int' : 'String'

  const rest: Channel = {
    name: 'REST',
    find: async (caller, collection, ids) =>
      restAnswer(
        await api.call(
          'GET',
          `/${collection}?where[id][in]=${ids.join(',')}&depth=0`,
          restAuth(staff, caller),
        ),
        (body) => body.docs,
      ),
    findByID: async (caller, collection, id) =>
      restAnswer(
        await api.call('GET', `/${collection}/${id}?depth=0`, restAuth(staff, caller)),
        (body) => body,
      ),
    create: async (caller, collection, data, file) => {
      const response = file
        ? await upload(collection, { ...restAuth(staff, caller), file, data: { ...data } })
        : await api.call('POST', `/${collection}`, { ...restAuth(staff, caller), json: data })
      // POST /api/comments is our endpoint: it answers { id, status, message }.
      return restAnswer(response, (body) => body.doc ?? { id: body.id })
    },
    update: async (caller, collection, id, data) =>
      restAnswer(
        await api.call('PATCH', `/${collection}/${id}`, {
          ...restAuth(staff, caller),
          json: data,
        }),
        (body) => body.doc,
      ),
    delete: async (caller, collection, id) =>
      restAnswer(
        await api.call('DELETE', `/${collection}/${id}`, restAuth(staff, caller)),
        (body) => body.doc,
      ),
    findGlobal: async (caller) =>
      restAnswer(
        await api.call('GET', '/globals/site-settings?depth=0', restAuth(staff, caller)),
        (body) => body,
      ),
    updateGlobal: async (caller, data) =>
      restAnswer(
        await api.call('POST', '/globals/site-settings', {
          ...restAuth(staff, caller),
          json: data,
        }),
        (body) => body.result,
      ),
  }

  function graphqlRefusal(response: ApiResponse): Answer {
    const error = response.body.errors?.[0] as
      { message: string; extensions?: { statusCode?: number } } | undefined
    return {
      ok: false,
      status: error?.extensions?.statusCode ?? response.status,
      message: error?.message ?? '',
    }
  }
  async function graphql(caller: Caller, query: string, field: string, variables = {}) {
    const response = await api.graphql(query, { ...restAuth(staff, caller), variables })
    const value = response.body.data?.[field]
    return value != null ? ({ ok: true, value } as const) : graphqlRefusal(response)
  }
  const names = (collection: CollectionSlug) => {
    const found = GRAPHQL_NAMES[collection]
    if (!found) throw new Error(`No GraphQL names for ${collection}`)
    return found
  }

  const gql: Channel = {
    name: 'GraphQL',
    find: async (caller, collection, ids) => {
      const { many } = names(collection)
      // Payload's GraphQL id operators have no `in`: one aliased list per id.
      const lists = ids.map(
        (_id, i) => `r${i}: ${many}(where: { id: { equals: $id${i} } }) {
        docs { id } }`,
      )
      const params = ids.map((_id, i) => `$id${i}: ${idType}`)
      const query = `query (${params.join(', ')}) { ${lists.join(' ')} }`
      const variables = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]))
      const response = await api.graphql(query, { ...restAuth(staff, caller), variables })
      const data = response.body.data as Record<string, { docs: { id: Id }[] } | null> | undefined
      if (data && ids.every((_id, i) => data[`r${i}`])) {
        return { ok: true, value: ids.flatMap((_id, i) => data[`r${i}`]!.docs) }
      }
      return graphqlRefusal(response)
    },
    findByID: async (caller, collection, id) => {
      const { one } = names(collection)
      return graphql(caller, `query ($id: ${idType}!) { ${one}(id: $id) { id } }`, one, { id })
    },
    create: async (caller, collection, data, file) => {
      if (file) throw new Error('GraphQL takes no uploads: send files over REST or the Local API')
      const { one } = names(collection)
      const query = `mutation ($data: mutation${one}Input!) { create${one}(data: $data) { id } }`
      return graphql(caller, query, `create${one}`, { data })
    },
    update: async (caller, collection, id, data) => {
      const { one } = names(collection)
      const query = `mutation ($id: ${idType}!, $data: mutation${one}UpdateInput!) {
        update${one}(id: $id, data: $data) { id } }`
      return graphql(caller, query, `update${one}`, { id, data })
    },
    delete: async (caller, collection, id) => {
      const { one } = names(collection)
      const query = `mutation ($id: ${idType}!) { delete${one}(id: $id) { id } }`
      return graphql(caller, query, `delete${one}`, { id })
    },
    findGlobal: (caller) => graphql(caller, '{ SiteSetting { siteName } }', 'SiteSetting'),
    updateGlobal: (caller, data) =>
      graphql(
        caller,
        `
          mutation ($data: mutationSiteSettingInput!) {
            updateSiteSetting(data: $data) {
              siteName
            }
          }
        `,
        'updateSiteSetting',
        { data },
      ),
  }

  const local: Channel = {
    name: 'Local API',
    find: (caller, collection, ids) =>
      localAnswer(async () => {
        const where = { id: { in: ids } }
        return (await payload.find({ collection, where, depth: 0, ...localAuth(staff, caller) }))
          .docs
      }),
    findByID: (caller, collection, id) =>
      localAnswer(() =>
        payload.findByID({ collection, id, depth: 0, ...localAuth(staff, caller) }),
      ),
    create: (caller, collection, data, file) =>
      localAnswer(() =>
        payload.create({
          collection,
          data: data as never,
          depth: 0,
          ...(file ? { file: localFile(file) } : {}),
          ...localAuth(staff, caller),
        }),
      ),
    update: (caller, collection, id, data) =>
      localAnswer(() =>
        payload.update({
          collection,
          id,
          data: data as never,
          depth: 0,
          ...localAuth(staff, caller),
        }),
      ),
    delete: (caller, collection, id) =>
      localAnswer(() => payload.delete({ collection, id, depth: 0, ...localAuth(staff, caller) })),
    findGlobal: (caller) =>
      localAnswer(() =>
        payload.findGlobal({ slug: 'site-settings', depth: 0, ...localAuth(staff, caller) }),
      ),
    updateGlobal: (caller, data) =>
      localAnswer(() =>
        payload.updateGlobal({
          slug: 'site-settings',
          data: data as never,
          depth: 0,
          ...localAuth(staff, caller),
        }),
      ),
  }

  return [rest, gql, local]
}
