/**
 * Returns a runner that lets at most `limit` pieces of work run at once, the rest waiting their
 * turn in order. The spam queue hands the recheck job up to 100 comments at a time; run all at
 * once, their database work holds up the reading of Akismet's answers on the same event loop
 * until the deadline passes, and every timed-out check costs a retry 20 minutes later.
 */
export function fewAtATime(limit: number) {
  let running = 0
  const waiting: (() => void)[] = []
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    else running++
    try {
      return await work()
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }
}
