import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.stop()
})

describe('start-up', () => {
  it('applies the committed migrations to an empty database', async () => {
    const { docs } = await t.payload.find({ collection: 'payload-migrations', limit: 100 })
    if (t.database.kind === 'mongodb') expect(docs).toHaveLength(0)
    else
      expect(docs.map((d) => d.name)).toEqual(
        expect.arrayContaining([expect.stringMatching(/initial$/)]),
      )
  })
})
