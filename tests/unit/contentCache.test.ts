import { jest } from '@jest/globals'

import { MemoryContentCache as ContentCache } from '@/runtime/contentCache'

const deferred = <T>() => {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('ContentCache', () => {
  it('loads once and answers later calls from memory', async () => {
    const cache = new ContentCache()
    const load = jest.fn(async () => 'value')
    expect(await cache.get('k', ['posts'], load)).toBe('value')
    expect(await cache.get('k', ['posts'], load)).toBe('value')
    expect(load).toHaveBeenCalledTimes(1)
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 1 })
  })

  it('shares one load between concurrent callers', async () => {
    const cache = new ContentCache()
    const gate = deferred<string>()
    const load = jest.fn(() => gate.promise)
    const both = Promise.all([cache.get('k', [], load), cache.get('k', [], load)])
    gate.resolve('once')
    expect(await both).toEqual(['once', 'once'])
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('drops exactly the entries carrying an invalidated tag', async () => {
    const cache = new ContentCache()
    await cache.get('post', ['posts'], async () => 1)
    await cache.get('thread', ['comments:7'], async () => 2)
    await cache.get('other-thread', ['comments:8'], async () => 3)
    cache.invalidate(['comments:7'])
    const reload = jest.fn(async () => 20)
    expect(await cache.get('thread', ['comments:7'], reload)).toBe(20)
    expect(reload).toHaveBeenCalledTimes(1)
    const untouched = jest.fn(async () => 99)
    expect(await cache.get('post', ['posts'], untouched)).toBe(1)
    expect(await cache.get('other-thread', ['comments:8'], untouched)).toBe(3)
    expect(untouched).not.toHaveBeenCalled()
  })

  it('does not keep a result loaded while its tag was invalidated', async () => {
    const cache = new ContentCache()
    const gate = deferred<string>()
    const first = cache.get('k', ['posts'], () => gate.promise)
    cache.invalidate(['posts'])
    gate.resolve('stale')
    expect(await first).toBe('stale')
    const reload = jest.fn(async () => 'fresh')
    expect(await cache.get('k', ['posts'], reload)).toBe('fresh')
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('invalidates again after a commit window only what was read in it', async () => {
    const cache = new ContentCache()
    await cache.get('thread', ['comments:7'], async () => 'before')
    cache.invalidate(['comments:7'])
    const mark = cache.loadMark
    const generation = cache.generation

    // Nothing read in the window: nothing to drop, and the pages keep their generation.
    await cache.get('other', ['comments:8'], async () => 'unrelated')
    cache.invalidateLoadedSince(['comments:7'], mark)
    expect(cache.generation).toBe(generation)

    // A read in the window may have seen the old rows: dropped, and the pages with it.
    await cache.get('thread', ['comments:7'], async () => 'read before the commit')
    cache.invalidateLoadedSince(['comments:7'], mark)
    expect(cache.generation).toBe(generation + 1)
    const reload = jest.fn(async () => 'after')
    expect(await cache.get('thread', ['comments:7'], reload)).toBe('after')
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('drops every entry, and a load under way, for a bulk change ("everything")', async () => {
    const cache = new ContentCache()
    await cache.get('post', ['posts'], async () => 1)
    await cache.get('settings', ['settings'], async () => 2)
    const gate = deferred<number>()
    const loading = cache.get('thread', ['comments:7'], () => gate.promise)
    cache.invalidate(['everything'])
    gate.resolve(3)
    expect(await loading).toBe(3)
    const load = jest.fn(async () => 4)
    for (const key of ['post', 'settings', 'thread']) await cache.get(key, ['other'], load)
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('rechecks "everything" only when something was read since the mark', async () => {
    const cache = new ContentCache()
    await cache.get('post', ['posts'], async () => 1)
    const mark = cache.loadMark
    const generation = cache.generation
    cache.invalidateLoadedSince(['everything'], mark)
    expect(cache.generation).toBe(generation)
    await cache.get('settings', ['settings'], async () => 2)
    cache.invalidateLoadedSince(['everything'], mark)
    expect(cache.generation).toBe(generation + 1)
    expect(cache.size).toBe(0)
  })

  it('does not keep a failed load', async () => {
    const cache = new ContentCache()
    await expect(
      cache.get('k', [], async () => Promise.reject(new Error('db down'))),
    ).rejects.toThrow('db down')
    expect(await cache.get('k', [], async () => 'recovered')).toBe('recovered')
  })

  it('evicts the least recently used entry beyond its size', async () => {
    const cache = new ContentCache(2)
    await cache.get('a', [], async () => 'a')
    await cache.get('b', [], async () => 'b')
    await cache.get('a', [], async () => 'a again') // a is now the most recent
    await cache.get('c', [], async () => 'c')
    expect(cache.size).toBe(2)
    const load = jest.fn(async () => 'reloaded')
    expect(await cache.get('a', [], load)).toBe('a')
    expect(await cache.get('b', [], load)).toBe('reloaded')
  })
})
