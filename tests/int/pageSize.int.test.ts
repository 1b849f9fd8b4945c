import { MAX_PAGE_SIZE } from '@/cms/capPageSize'
import type { Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { insertComments, threadsPlan } from '../helpers/bulkComments'
import { createPost, createStaff, type Staff } from '../helpers/factories'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// Reads over REST and GraphQL are paged with a maximum page size; asking for everything gets a
// page of the maximum size and what is needed to ask for the next.

const STORED = MAX_PAGE_SIZE.public + 20

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  await insertComments(t.payload, post, threadsPlan(STORED, 0))
})
afterAll(async () => {
  await t?.stop()
})

type Page = { docs: unknown[]; totalDocs: number; limit: number; hasNextPage: boolean }

describe('api: the maximum page size', () => {
  it.each(['limit=1000000', 'limit=0', 'pagination=false', 'pagination=false&limit=0'])(
    'gives the public one page of at most 100 for ?%s, with the total and a next page',
    async (query) => {
      const res = await api.call<Page>('GET', `/comments?${query}&depth=0`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        totalDocs: STORED,
        limit: MAX_PAGE_SIZE.public,
        hasNextPage: true,
      })
      expect(res.body.docs).toHaveLength(MAX_PAGE_SIZE.public)
    },
  )

  it('keeps a smaller limit as asked, and the default of 10', async () => {
    expect((await api.call<Page>('GET', '/comments?limit=7')).body.docs).toHaveLength(7)
    expect((await api.call<Page>('GET', '/comments')).body.docs).toHaveLength(10)
  })

  it('caps GraphQL lists the same way', async () => {
    const res = await api.graphql<{ Comments: { docs: unknown[]; totalDocs: number } }>(
      '{ Comments(limit: 1000000) { totalDocs docs { id } } }',
    )
    expect(res.body.data?.Comments.totalDocs).toBe(STORED)
    expect(res.body.data?.Comments.docs).toHaveLength(MAX_PAGE_SIZE.public)
    const all = await api.graphql<{ Comments: { docs: unknown[] } }>(
      '{ Comments(pagination: false) { docs { id } } }',
    )
    expect(all.body.data?.Comments.docs).toHaveLength(MAX_PAGE_SIZE.public)
  })

  it('gives staff larger pages, still capped', async () => {
    const res = await api.call<Page>('GET', '/comments?limit=1000000&depth=0', {
      token: staff.moderator.token,
    })
    expect(res.body.limit).toBe(MAX_PAGE_SIZE.staff)
    expect(res.body.docs).toHaveLength(STORED)
  })

  it('leaves server code (the Local API) to page itself', async () => {
    const all = await t.payload.find({ collection: 'comments', pagination: false, depth: 0 })
    expect(all.docs).toHaveLength(STORED)
  })
})
