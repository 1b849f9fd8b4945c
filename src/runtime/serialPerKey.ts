/**
 * Runs work for one key (a comment id) strictly one after another, in the order asked, while
 * work for other keys runs freely. The spam queue runs its jobs in parallel; a recheck and reports
 * for one comment each read the comment, talk to Akismet and write its history back, so two at
 * once would lose an entry, and two reports could reach Akismet in the wrong order.
 */
export class SerialPerKey {
  private readonly tails = new Map<string, Promise<unknown>>()

  /** Runs `work` once every earlier call for the same key has settled. */
  run<T>(key: number | string, work: () => Promise<T>): Promise<T> {
    const name = String(key)
    const run = (this.tails.get(name) ?? Promise.resolve()).then(work, work)
    const tail = run.then(
      () => undefined,
      () => undefined,
    )
    this.tails.set(name, tail)
    void tail.then(() => {
      if (this.tails.get(name) === tail) this.tails.delete(name)
    })
    return run
  }

  /** Keys with work queued or running. */
  get size(): number {
    return this.tails.size
  }
}
