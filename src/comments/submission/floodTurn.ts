import type { PayloadRequest } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

/** An address's turn to comment, taken by a submission (null: no limit applied to it). */
export type FloodTurn = { ip: string } | null

const turnKey = (ip: string) => `comment-flood ${ip}`

/**
 * Takes the turn of a reader at `ip` to comment for the next `intervalSeconds`, or says how many
 * seconds they must still wait. One atomic count in the database every instance shares
 * (runtime.attempts), taken before the slow stages: of two submissions from one address at the
 * same moment, on one instance or two, exactly one gets the turn, which reading the newest stored
 * comment and then writing could not promise (both could read before either wrote).
 */
export async function takeFloodTurn(
  req: PayloadRequest,
  { ip, intervalSeconds, now }: { ip: string | null; intervalSeconds: number; now?: number },
): Promise<{ turn: FloodTurn; wait: 0 } | { turn: null; wait: number }> {
  if (!ip || intervalSeconds <= 0) return { turn: null, wait: 0 }
  const verdict = await runtimeOf(req.payload).attempts.hit(
    req,
    turnKey(ip),
    1,
    intervalSeconds * 1000,
    now,
  )
  return verdict.allowed ? { turn: { ip }, wait: 0 } : { turn: null, wait: verdict.retryAfter }
}

/**
 * Gives the turn back when the submission that took it stored nothing (it failed after the
 * guard), so the reader may try again at once. A failure here is logged: the submission's own
 * error is the one to answer with.
 */
export async function giveBackFloodTurn(req: PayloadRequest, turn: FloodTurn): Promise<void> {
  if (!turn) return
  try {
    await runtimeOf(req.payload).attempts.clear(req, turnKey(turn.ip))
  } catch (error) {
    req.payload.logger.error({ err: error }, 'could not give back a comment flood turn')
  }
}
