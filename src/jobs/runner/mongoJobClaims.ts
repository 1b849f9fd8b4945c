import type { Payload } from 'payload'

import type { JobClaimStore, JobId } from './jobClaimStore'

type Filter = Record<string, unknown>
type JobsModel = {
  updateOne(filter: Filter, update: Filter): Promise<{ modifiedCount: number }>
  updateMany(filter: Filter, update: Filter): Promise<{ modifiedCount: number }>
  find(filter: Filter, projection: Filter): { lean(): Promise<{ _id: { toString(): string } }[]> }
}

/** MongoDB: the same conditional writes as single-document updates, which MongoDB applies atomically. */
export function mongoJobClaims(db: Payload['db']): JobClaimStore {
  const model = (db as unknown as { collections: Record<string, JobsModel> }).collections[
    'payload-jobs'
  ]
  return {
    async claim(id, at) {
      const result = await model.updateOne(
        { _id: id, processing: false },
        { $set: { processing: true, updatedAt: new Date(at) } },
      )
      return result.modifiedCount === 1
    },
    async releaseStale(before) {
      const result = await model.updateMany(
        { processing: true, updatedAt: { $lt: new Date(before) } },
        { $set: { processing: false } },
      )
      return result.modifiedCount
    },
    async touch(ids, at) {
      if (ids.length === 0) return []
      await model.updateMany(
        { _id: { $in: ids }, processing: true },
        { $set: { updatedAt: new Date(at) } },
      )
      const still = await model.find({ _id: { $in: ids }, processing: true }, { _id: 1 }).lean()
      return still.map((doc): JobId => doc._id.toString())
    },
    async release(ids) {
      if (ids.length === 0) return
      await model.updateMany({ _id: { $in: ids } }, { $set: { processing: false } })
    },
  }
}
