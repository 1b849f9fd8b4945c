/**
 * What a run must undo, newest first: the app, nginx, the fake Akismet, the database. Runs once,
 * from the `finally` of the run or from Ctrl-C, and keeps going when one step fails.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = []
  private running: Promise<void> | undefined

  add(name: string, run: () => Promise<unknown>): () => void {
    const step = { name, run }
    this.steps.push(step)
    return () => {
      const index = this.steps.indexOf(step)
      if (index >= 0) this.steps.splice(index, 1)
    }
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length) {
        const step = this.steps.pop()!
        try {
          await step.run()
        } catch (error) {
          console.error(`Clean-up of ${step.name} failed: ${String(error)}`)
        }
      }
    })()
    return this.running
  }
}
