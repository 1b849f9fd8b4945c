import { fewAtATime } from '@/lib/fewAtATime'
import { SerialPerKey } from '@/runtime/serialPerKey'

/** A piece of work that records when it starts and ends, and finishes when told to. */
function controlledWork(log: string[], name: string) {
  let finish!: () => void
  let fail!: (error: Error) => void
  const run = () => {
    log.push(`start ${name}`)
    return new Promise<string>((resolve, reject) => {
      finish = () => {
        log.push(`end ${name}`)
        resolve(name)
      }
      fail = reject
    })
  }
  return { run, finish: () => finish(), fail: (error: Error) => fail(error) }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('runtime.SerialPerKey (spam work per comment)', () => {
  const queue = new SerialPerKey()
  const oneCommentAtATime = <T>(id: number | string, work: () => Promise<T>) => queue.run(id, work)

  it('runs work for one comment in the order it was asked for, one piece at a time', async () => {
    const log: string[] = []
    const first = controlledWork(log, 'first')
    const second = controlledWork(log, 'second')
    const done = [oneCommentAtATime(7, first.run), oneCommentAtATime('7', second.run)]
    await settle()
    expect(log).toEqual(['start first'])

    first.finish()
    await settle()
    expect(log).toEqual(['start first', 'end first', 'start second'])
    second.finish()
    expect(await Promise.all(done)).toEqual(['first', 'second'])
    // Nothing is kept for a comment once its work is done.
    await settle()
    expect(queue.size).toBe(0)
  })

  it('lets work for different comments run side by side', async () => {
    const log: string[] = []
    const a = controlledWork(log, 'a')
    const b = controlledWork(log, 'b')
    const done = [oneCommentAtATime(1, a.run), oneCommentAtATime(2, b.run)]
    await settle()
    expect(log).toEqual(['start a', 'start b'])
    a.finish()
    b.finish()
    await Promise.all(done)
  })

  it('goes on with the next piece after one fails, passing the failure to its caller', async () => {
    const log: string[] = []
    const failing = controlledWork(log, 'failing')
    const next = controlledWork(log, 'next')
    const failed = oneCommentAtATime(3, failing.run)
    const after = oneCommentAtATime(3, next.run)
    await settle()
    failing.fail(new Error('Akismet is down'))
    await expect(failed).rejects.toThrow('Akismet is down')
    await settle()
    next.finish()
    expect(await after).toBe('next')
  })
})

describe('spam.fewAtATime', () => {
  it('runs at most `limit` pieces at once, starting the others in order as slots free up', async () => {
    const log: string[] = []
    const run = fewAtATime(2)
    const works = ['a', 'b', 'c', 'd'].map((name) => controlledWork(log, name))
    const done = works.map((work) => run(work.run))
    await settle()
    expect(log).toEqual(['start a', 'start b'])

    works[1].finish()
    await settle()
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c'])
    works[0].fail(new Error('timeout'))
    await expect(done[0]).rejects.toThrow('timeout')
    await settle()
    expect(log.at(-1)).toBe('start d')

    works[2].finish()
    works[3].finish()
    expect(await Promise.all(done.slice(1))).toEqual(['b', 'c', 'd'])
    // Every slot is free again.
    const later = [controlledWork(log, 'e'), controlledWork(log, 'f')]
    const laterDone = later.map((work) => run(work.run))
    await settle()
    expect(log.slice(-2)).toEqual(['start e', 'start f'])
    later.forEach((work) => work.finish())
    await Promise.all(laterDone)
  })
})
