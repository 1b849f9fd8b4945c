import type { Payload, PayloadRequest } from 'payload'

/**
 * Seconds a reader at `ip` must still wait before commenting again (0 = may comment now), from
 * the newest comment stored from that address. Reading the database rather than a counter in
 * memory keeps the limit right across restarts and server processes.
 */
export async function secondsUntilNextComment(
  payload: Payload,
  {
    ip,
    intervalSeconds,
    now = new Date(),
    req,
  }: { ip: string | null; intervalSeconds: number; now?: Date; req?: PayloadRequest },
): Promise<number> {
  if (!ip || intervalSeconds <= 0) return 0
  const since = new Date(now.getTime() - intervalSeconds * 1000)
  const { docs } = await payload.find({
    collection: 'comments',
    // Staff comments (replies from the moderation queue) do not count against the address.
    where: {
      ip: { equals: ip },
      createdAt: { greater_than: since.toISOString() },
      submittedBy: { equals: null },
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    pagination: false,
    select: { createdAt: true },
    req,
  })
  if (docs.length === 0) return 0
  const nextAt = new Date(docs[0].createdAt).getTime() + intervalSeconds * 1000
  return Math.max(1, Math.ceil((nextAt - now.getTime()) / 1000))
}
