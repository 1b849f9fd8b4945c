import type { PayloadRequest } from 'payload'

import { findActiveBlock } from '@/comments/blocks/findActiveBlock'

import type { Accepted, Decision, Submitter } from './types'

/** The rule name a blocked comment carries (statusRule), as the audit trail shows it. */
export const BLOCK_RULE = 'commenter block'

/**
 * Between guard and screen: a comment from a blocked email address or IP address goes straight to
 * the trash with the block's reason. It is stored (a moderator can still read and restore it) and
 * the reader is told it awaits moderation, like any held comment, so a block cannot be probed.
 * Akismet is not asked about it. Staff are never blocked.
 */
export async function checkBlocks(
  req: PayloadRequest,
  { fields }: Accepted,
  submitter: Submitter,
): Promise<Decision | null> {
  if (submitter.staff) return null
  const block = await findActiveBlock(req, {
    email: fields.authorEmail || null,
    ip: submitter.ip,
  })
  if (!block) return null
  return { status: 'trash', reason: `Blocked: ${block.reason}`, rule: BLOCK_RULE, spamCheck: null }
}
