import type { Payload } from 'payload'

import type { AttemptScope, AttemptStore, AttemptWindow } from './attemptLimiter'

type Window = { _id: string; count: number; expiresAt: Date }
type Collection = {
  createIndex(spec: object, options: object): Promise<unknown>
  findOneAndUpdate(filter: object, update: object[], options: object): Promise<Window | null>
  deleteOne(filter: object): Promise<unknown>
  updateOne(filter: object, update: object): Promise<unknown>
  deleteMany(filter: object): Promise<unknown>
  find(filter: object, options: object): { limit(n: number): { toArray(): Promise<Window[]> } }
  estimatedDocumentCount(): Promise<number>
}
type MongoAdapter = { connection: { collection(name: string): Collection } }

/**
 * MongoDB: the collection `attempt_windows`, one document per key (`_id`), counted with one
 * findOneAndUpdate (an upsert whose pipeline starts a new window when the last is over), outside
 * the request's transaction. A TTL
 * index on `expiresAt` lets MongoDB delete windows that are over by itself; purge() also does,
 * a batch at a time. Wired like the rest of the MongoDB adapter, not yet run against a server
 * (see the README's Tests section).
 */
export class MongoAttemptStore implements AttemptStore {
  /** The TTL index, created once per process (createIndex is a no-op when it exists). */
  private ready: Promise<unknown> | undefined

  private async collection(payload: Payload): Promise<Collection> {
    const collection = (payload.db as unknown as MongoAdapter).connection.collection(
      'attempt_windows',
    )
    this.ready ??= collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 })
    await this.ready
    return collection
  }

  async count({ payload }: AttemptScope, key: string, windowMs: number, now: number) {
    const collection = await this.collection(payload)
    const over = { $lte: ['$expiresAt', new Date(now)] }
    const window = await collection.findOneAndUpdate(
      { _id: key },
      [
        {
          $set: {
            count: { $cond: [over, 1, { $add: ['$count', 1] }] },
            expiresAt: { $cond: [over, new Date(now + windowMs), '$expiresAt'] },
          },
        },
      ],
      { upsert: true, returnDocument: 'after' },
    )
    if (!window) throw new Error(`MongoDB returned no attempt window for ${key}`)
    return { count: window.count, expiresAt: window.expiresAt.getTime() } satisfies AttemptWindow
  }

  async clear({ payload }: AttemptScope, key: string) {
    await (await this.collection(payload)).deleteOne({ _id: key })
  }

  async forgive({ payload }: AttemptScope, key: string) {
    const collection = await this.collection(payload)
    await collection.updateOne({ _id: key, count: { $gt: 0 } }, { $inc: { count: -1 } })
  }

  async purge({ payload }: AttemptScope, now: number, max: number) {
    const collection = await this.collection(payload)
    const over = await collection
      .find({ expiresAt: { $lte: new Date(now) } }, { projection: { _id: 1 } })
      .limit(max)
      .toArray()
    if (over.length) await collection.deleteMany({ _id: { $in: over.map((w) => w._id) } })
  }

  async windows({ payload }: AttemptScope) {
    return (await this.collection(payload)).estimatedDocumentCount()
  }
}
