import { createApiClient, type ApiClient } from '../helpers/api'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let api: ApiClient

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
})
afterAll(async () => {
  await t?.stop()
})

it('REST answers', async () => {
  const res = await api.call<{ docs: unknown[] }>('GET', '/posts')
  expect(res.status).toBe(200)
  expect(res.body.docs).toEqual([])
  const gql = await api.graphql('{ Posts { docs { title } } }')
  expect(gql.status).toBe(200)
  expect(gql.body.data).toEqual({ Posts: { docs: [] } })
})
