import { processWide } from '@/processWide'

const tails = processWide('spamWorkPerComment', () => new Map<string, Promise<unknown>>())

/**
 * Runs `work` once every earlier call for the same comment has settled, in the order of the calls.
 * The spam queue runs its jobs in parallel; a recheck and reports for one comment each read the
 * comment, talk to Akismet and write its history back, so two at once would lose an entry, and
 * two reports could reach Akismet in the wrong order.
 */
export function oneCommentAtATime<T>(commentId: number | string, work: () => Promise<T>) {
  const key = String(commentId)
  const run = (tails.get(key) ?? Promise.resolve()).then(work, work)
  const tail = run.then(
    () => undefined,
    () => undefined,
  )
  tails.set(key, tail)
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key)
  })
  return run
}
