import type { PayloadRequest, Where } from 'payload'

import type { CommenterBlock } from '@/payload-types'
import { BlockRanges, type RangeBlock } from '@/runtime/blockRanges'
import { runtimeOf } from '@/runtime/runtime'

import { normalizeEmail, normalizeIp } from './blockValues'

/**
 * At most this many range blocks are matched against each comment; more is a sign ranges are
 * used where IP blocks belong, and is logged.
 */
export const MAX_RANGE_BLOCKS = 500

export type ActiveBlock = { id: number | string; reason: string }

/** Not lifted and not ended by `now`. */
export function activeBlocks(now: Date): Where {
  return {
    and: [
      { lifted: { not_equals: true } },
      { or: [{ until: { exists: false } }, { until: { greater_than: now.toISOString() } }] },
    ],
  }
}

async function loadRanges(req: PayloadRequest): Promise<RangeBlock[]> {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'commenter-blocks',
    where: { and: [{ kind: { equals: 'range' } }, activeBlocks(new Date())] },
    sort: '-createdAt',
    limit: MAX_RANGE_BLOCKS,
    depth: 0,
    overrideAccess: true,
    select: { value: true, reason: true, until: true },
  })
  if (totalDocs > MAX_RANGE_BLOCKS) {
    req.payload.logger.warn(
      `${totalDocs} address-range commenter blocks are active; only the newest ${MAX_RANGE_BLOCKS} are applied`,
    )
  }
  return docs.map((doc: Pick<CommenterBlock, 'id' | 'value' | 'reason' | 'until'>) => ({
    id: doc.id,
    value: doc.value,
    reason: doc.reason,
    until: doc.until ?? null,
  }))
}

/**
 * The block that applies to a commenter with this email and address, or null: one indexed query
 * for an exact email or IP block (limit 1), then the cached active ranges. Lifted blocks and
 * blocks past their end date do not apply.
 */
export async function findActiveBlock(
  req: PayloadRequest,
  commenter: { email: string | null; ip: string | null },
  now = new Date(),
): Promise<ActiveBlock | null> {
  const email = commenter.email ? normalizeEmail(commenter.email) : null
  const ip = commenter.ip ? normalizeIp(commenter.ip) : null
  const exact: Where[] = []
  if (email) exact.push({ and: [{ kind: { equals: 'email' } }, { value: { equals: email } }] })
  if (ip) exact.push({ and: [{ kind: { equals: 'ip' } }, { value: { equals: ip } }] })
  if (exact.length === 0) return null
  const { docs } = await req.payload.find({
    collection: 'commenter-blocks',
    where: { and: [{ or: exact }, activeBlocks(now)] },
    sort: '-createdAt',
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { reason: true },
    req,
  })
  if (docs[0]) return { id: docs[0].id, reason: docs[0].reason }
  if (!ip) return null
  const ranges = await runtimeOf(req.payload).blockRanges.list(() => loadRanges(req))
  const range = BlockRanges.match(ranges, ip, now)
  return range ? { id: range.id, reason: range.reason } : null
}
